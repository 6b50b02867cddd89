import * as z from 'zod/mini'
import { DEFAULT_CURRENCY_SETTING } from '../domain/currency'
import type { CurrencySetting } from '../domain/currency'

/** Longest rate text kept: a number, not a document. */
export const RATE_TEXT_MAX = 40

const CODE = /^[A-Z]{3}$/
const DATE = /^(?:\d{4}-\d{2}-\d{2})?$/

/**
 * The saved "Currency", "Exchange rate (per USD)" and "Rate date". Optional in
 * a saved worksheet (no version bump): a save from before it reads as USD. The
 * rate is kept as typed, so a mistyped rate comes back to be fixed, not lost.
 */
export const currencySettingSchema = z.object({
  code: z.string().check(z.regex(CODE)),
  rate: z.string().check(z.maxLength(RATE_TEXT_MAX)),
  rateDate: z.string().check(z.regex(DATE)),
})

const KEYS: ReadonlySet<string> = new Set(['code', 'rate', 'rateDate'])

/** The schema's check by hand, for the fast path of a saved worksheet (see persisted.ts). */
export function isCurrencySetting(v: unknown): v is CurrencySetting {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false
  if (Object.getPrototypeOf(v) !== Object.prototype) return false
  const o = v as Record<string, unknown>
  for (const k in o) if (!KEYS.has(k)) return false
  return (
    typeof o.code === 'string' &&
    CODE.test(o.code) &&
    typeof o.rate === 'string' &&
    o.rate.length <= RATE_TEXT_MAX &&
    typeof o.rateDate === 'string' &&
    DATE.test(o.rateDate)
  )
}

/** What a saved worksheet's currency reads as: the default (USD) when it saved none. */
export function restoredCurrency(v: CurrencySetting | undefined): CurrencySetting {
  return v === undefined ? DEFAULT_CURRENCY_SETTING : { ...v }
}
