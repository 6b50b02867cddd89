import { groupedNumber } from './numberText'

/**
 * The currency amounts are shown in. Prices and every computed cost stay in US
 * dollars (the price book's currency); a Currency only says how to read them.
 */
export interface Currency {
  /** ISO 4217 code, upper case: "EUR". */
  code: string
  /** Units of this currency one US dollar buys: 1 USD = perUsd units (0.92 for EUR). */
  perUsd: number
}

export const USD: Currency = { code: 'USD', perUsd: 1 }

/**
 * What the person chose, as typed: the rate stays text so a half-typed or
 * mistyped rate is kept on screen and explained, never lost or turned into NaN.
 */
export interface CurrencySetting {
  /** ISO 4217 code. */
  code: string
  /** "Exchange rate (per USD)" as typed: how many units of `code` one US dollar buys. */
  rate: string
  /** "Rate date", yyyy-mm-dd as a date input gives it; '' when not given. */
  rateDate: string
}

export const DEFAULT_CURRENCY_SETTING: CurrencySetting = { code: 'USD', rate: '', rateDate: '' }

/** The currencies most budgets are kept in, offered first. */
export const COMMON_CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'INR',
  'CAD',
  'AUD',
  'CNY',
  'CHF',
  'BRL',
  'MXN',
  'KRW',
  'SEK',
  'SGD',
  'HKD',
] as const

const ISO_CODE = /^[A-Z]{3}$/

/**
 * Every code offered in the Currency choice: the common ones first, then the
 * rest of what this JavaScript engine can format (`supported`, normally
 * `Intl.supportedValuesOf('currency')`), alphabetically, without repeats.
 */
export function currencyChoices(supported: readonly string[]): string[] {
  const common: ReadonlySet<string> = new Set(COMMON_CURRENCIES)
  const rest = [...new Set(supported)].filter((c) => ISO_CODE.test(c) && !common.has(c)).sort()
  return [...COMMON_CURRENCIES, ...rest]
}

/**
 * True for a three-letter ISO 4217 code Intl can format. Checked by asking
 * Intl, so a saved or shared code this browser cannot show falls back to USD
 * instead of throwing while the page renders.
 */
export function isCurrencyCode(code: string): boolean {
  if (!ISO_CODE.test(code)) return false
  try {
    new Intl.NumberFormat('en-US', { style: 'currency', currency: code })
    return true
  } catch {
    return false
  }
}

/** The currency amounts are shown in, and why it is USD when the setting cannot be used. */
export interface ResolvedCurrency {
  currency: Currency
  /** Said at the "Exchange rate (per USD)" field; null when the rate is usable (or not needed). */
  rateProblem: string | null
}

/**
 * Turns the setting into the currency amounts are shown in. `rate` is the
 * typed rate already read as a number (NaN when it reads as none). A rate that
 * is missing, zero, negative, not a number or too large to be one leaves
 * amounts in USD, with the reason for the field.
 * @example resolveCurrency({ code: 'EUR', rate: '0.92', rateDate: '' }, 0.92).currency // { code: 'EUR', perUsd: 0.92 }
 */
export function resolveCurrency(setting: CurrencySetting, rate: number): ResolvedCurrency {
  const code = setting.code
  if (code === 'USD' || !isCurrencyCode(code)) return { currency: USD, rateProblem: null }
  const rule = `Exchange rate must be a number above 0: how many ${code} one US dollar buys (for example 0.92 for EUR).`
  const fallback = 'Amounts are shown in USD until it is fixed.'
  const typed = setting.rate.trim()
  if (typed === '') {
    return { currency: USD, rateProblem: `${rule} It is missing. ${fallback}` }
  }
  if (Number.isNaN(rate)) {
    return {
      currency: USD,
      rateProblem: `${rule} "${typed.slice(0, 40)}" is not a number. ${fallback}`,
    }
  }
  if (!Number.isFinite(rate)) {
    return {
      currency: USD,
      rateProblem: `${rule} "${typed.slice(0, 40)}" is too large. ${fallback}`,
    }
  }
  if (rate <= 0) {
    return { currency: USD, rateProblem: `${rule} ${groupedNumber(rate)} is not. ${fallback}` }
  }
  return { currency: { code, perUsd: rate }, rateProblem: null }
}
