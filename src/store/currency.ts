import { DEFAULT_CURRENCY_SETTING } from '../domain/currency'
import type { CurrencySetting } from '../domain/currency'
import { RATE_TEXT_MAX } from '../io/currencySetting'
import { recordEdits } from './history'
import type { Slice } from './state'

/**
 * The currency the worksheet shows amounts in, saved with it and undoable like
 * any edit. Prices and costs stay in US dollars; this only says how to read them.
 */
export interface CurrencySlice {
  currency: CurrencySetting
  /** Changes "Currency", "Exchange rate (per USD)" or "Rate date"; typing in one field is one undo step. */
  setCurrency: (change: Partial<CurrencySetting>) => void
}

export const createCurrencySlice: Slice<CurrencySlice> = (set, get) => {
  const record = recordEdits(set, get)
  return {
    currency: DEFAULT_CURRENCY_SETTING,
    setCurrency: (change) => {
      const field = Object.keys(change).join(',')
      record((s) => {
        const current = s.currency ?? get().currency
        const next: CurrencySetting = { ...current, ...change }
        next.rate = next.rate.slice(0, RATE_TEXT_MAX)
        if (
          next.code === current.code &&
          next.rate === current.rate &&
          next.rateDate === current.rateDate
        )
          return s
        return { ...s, currency: next }
      }, `currency.${field}`)
    },
  }
}
