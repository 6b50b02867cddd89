import type { CustomModel } from '../domain/customModels'
import { withCustomModels } from '../domain/customModels'
import type { PriceBook } from '../domain/priceBook'
import { PRICE_BOOK } from '../presets/priceBook'
import { useWorksheet } from './worksheet'

// The domain takes the price book as an argument and never picks one itself;
// this module is where the app binds it, once: the shipped book and the
// worksheet's custom models. One book per list of models, so every component
// gets the same object until a model is added, edited or removed, and results
// cached by book (hooks.ts) stay valid until then.
const books = new WeakMap<readonly CustomModel[], PriceBook>()

/** The shipped book with `models`, the same object for the same list. */
export function bookWith(models: readonly CustomModel[]): PriceBook {
  let book = books.get(models)
  if (!book) {
    book = withCustomModels(PRICE_BOOK, models)
    books.set(models, book)
  }
  return book
}

/** The price book the app computes with, for code outside React (cached results). */
export function currentPriceBook(): PriceBook {
  return bookWith(useWorksheet.getState().customModels)
}

/** The price book the app computes with: components price and list models from this. */
export function usePriceBook(): PriceBook {
  return bookWith(useWorksheet((s) => s.customModels))
}
