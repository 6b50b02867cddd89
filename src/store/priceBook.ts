import type { PriceBook } from '../domain/priceBook'
import { PRICE_BOOK } from '../presets/priceBook'

// The domain takes the price book as an argument and never picks one itself;
// this module is where the app binds it, once. Today that is the shipped book.
// When custom models join it, both functions read them from here, and the
// results cached per draft (hooks.ts) must then be keyed by the book as well.

/** The price book the app computes with, for code outside React (cached results). */
export function currentPriceBook(): PriceBook {
  return PRICE_BOOK
}

/** The price book the app computes with: components price and list models from this. */
export function usePriceBook(): PriceBook {
  return currentPriceBook()
}
