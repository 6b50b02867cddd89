import { USD } from '../domain/currency'
import type { Currency } from '../domain/currency'

/**
 * The only place numbers become text for people. Formatters are costly to
 * build, so each (locale, style) pair is built once and reused.
 */
const cache = new Map<string, Intl.NumberFormat>()

function formatter(locale: string | undefined, key: string, options: Intl.NumberFormatOptions) {
  const id = `${locale ?? ''}|${key}`
  let f = cache.get(id)
  if (!f) {
    f = new Intl.NumberFormat(locale, options)
    cache.set(id, f)
  }
  return f
}

/**
 * What a number that cannot be shown reads as. The UI marks such fields as
 * errors; this only keeps "NaN" or "∞" from ever reaching the screen. A value
 * that does not exist (null: no kept images to divide by) reads the same.
 */
export const NOT_A_NUMBER = '—'

const unshowable = (value: number | null): value is null =>
  value === null || !Number.isFinite(value)

/**
 * From a billion up, amounts and counts read in short form ("$92.6B"), and
 * from a quadrillion up in scientific notation ("$1.5E300"): no real image
 * budget gets there, and spelled out such a number is wider than a phone's
 * table column, or, typed as 1e300, three hundred digits wide.
 */
export const COMPACT_FROM = 1e9
export const SCIENTIFIC_FROM = 1e15

/**
 * Amounts below a millionth of a dollar (but not zero) read in scientific
 * notation too: a real per-image price is a few thousandths of a dollar, and
 * Jobs per month of 1e-320 would otherwise print about 320 digits. Scientific
 * rather than "<$0.000001", so a tiny amount still says how tiny.
 */
export const SCIENTIFIC_BELOW_USD = 1e-6

/** Three significant digits in scientific notation, for figures too large or small to spell out. */
function scientific(
  value: number,
  locale: string | undefined,
  key: string,
  options: Intl.NumberFormatOptions,
): string {
  return formatter(locale, `${key}-scientific`, {
    ...options,
    notation: 'scientific',
    maximumSignificantDigits: 3,
  }).format(value)
}

/** A figure past COMPACT_FROM in short or scientific form; null for one that reads as usual. */
function large(
  value: number,
  locale: string | undefined,
  key: string,
  options: Intl.NumberFormatOptions,
): string | null {
  const size = Math.abs(value)
  if (size >= SCIENTIFIC_FROM) return scientific(value, locale, key, options)
  if (size < COMPACT_FROM) return null
  return formatter(locale, `${key}-compact`, {
    ...options,
    notation: 'compact',
    maximumSignificantDigits: 3,
  }).format(value)
}

/** Percentages have no short form: past COMPACT_FROM percent they read scientific. */
const hugePercent = (fraction: number) => Math.abs(fraction * 100) >= COMPACT_FROM

/** Digits after the point a currency is usually written with: 2 for USD and EUR, 0 for JPY. */
const digitsCache = new Map<string, number>()
function currencyDigits(code: string): number {
  let d = digitsCache.get(code)
  if (d === undefined) {
    d =
      new Intl.NumberFormat('en-US', { style: 'currency', currency: code }).resolvedOptions()
        .maximumFractionDigits ?? 2
    digitsCache.set(code, d)
  }
  return d
}

/**
 * The smallest amount written with the currency's usual decimals: a hundred of
 * its smallest unit ($1, ¥100). Below it an amount reads to three significant
 * digits, as a per-image cost must: a $0.0053 image never reads $0.01, nor a
 * ¥5.3 one ¥5.
 */
const plainFrom = (code: string) => 10 ** (2 - currencyDigits(code))

/**
 * A US-dollar amount in `currency` (converted at its rate), with as many
 * digits as it needs: the currency's usual decimals from plainFrom up (cents
 * from $1, whole yen from ¥100), three significant digits below. Absurd
 * amounts read compactly: see COMPACT_FROM and SCIENTIFIC_BELOW_USD (scaled
 * like plainFrom). The locale is the reader's, the currency the one chosen:
 * INR groups 1,23,456.79 for an en-IN reader and 123,456.79 for en-US.
 * @example formatMoney(100, { code: 'EUR', perUsd: 0.92 }, 'en-US') // "€92.00"
 */
export function formatMoney(usd: number | null, currency: Currency = USD, locale?: string): string {
  if (unshowable(usd)) return NOT_A_NUMBER
  const value = usd * currency.perUsd
  if (!Number.isFinite(value)) return NOT_A_NUMBER
  const { code } = currency
  const key = `money-${code}`
  const options: Intl.NumberFormatOptions = { style: 'currency', currency: code }
  const plain = plainFrom(code)
  if (value !== 0 && Math.abs(value) < plain * SCIENTIFIC_BELOW_USD) {
    return scientific(value, locale, key, options)
  }
  const short = large(value, locale, key, options)
  if (short !== null) return short
  if (Math.abs(value) >= plain || value === 0) {
    const digits = currencyDigits(code)
    return formatter(locale, key, {
      ...options,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(value)
  }
  return formatter(locale, `${key}-small`, {
    ...options,
    minimumSignificantDigits: 2,
    maximumSignificantDigits: 3,
  }).format(value)
}

/**
 * US dollars: formatMoney in USD.
 * @example formatUsd(9.2583e10) // "$92.6B"; formatUsd(4.94e-322) // "$4.94E-322"
 */
export function formatUsd(value: number | null, locale?: string): string {
  return formatMoney(value, USD, locale)
}

/** A difference: the formatted value with a + on increases; decreases keep their own minus. */
function signed(text: string, value: number): string {
  return value > 0 && text !== NOT_A_NUMBER ? `+${text}` : text
}

/**
 * A per-unit price (cost per delivered image) in `currency`: below plainFrom
 * always three significant digits, so $0.370 does not read as the
 * rounder-looking $0.37.
 * @example formatUnitMoney(92.583 / 250) // "$0.370"
 */
export function formatUnitMoney(
  usd: number | null,
  currency: Currency = USD,
  locale?: string,
): string {
  if (usd === null || !Number.isFinite(usd)) return NOT_A_NUMBER
  const value = usd * currency.perUsd
  const plain = plainFrom(currency.code)
  if (
    !Number.isFinite(value) ||
    Math.abs(value) >= plain ||
    value === 0 ||
    Math.abs(value) < plain * SCIENTIFIC_BELOW_USD
  )
    return formatMoney(usd, currency, locale)
  return formatter(locale, `money-${currency.code}-unit`, {
    style: 'currency',
    currency: currency.code,
    minimumSignificantDigits: 3,
    maximumSignificantDigits: 3,
  }).format(value)
}

/** formatUnitMoney in US dollars. @example formatUnitUsd(92.583 / 250) // "$0.370" */
export function formatUnitUsd(value: number | null, locale?: string): string {
  return formatUnitMoney(value, USD, locale)
}

/** A difference in `currency`: formatMoney with a + on increases ("+€1.20", "-¥35", "$0.00"). */
export function formatSignedMoney(
  usd: number | null,
  currency: Currency = USD,
  locale?: string,
): string {
  return usd === null ? NOT_A_NUMBER : signed(formatMoney(usd, currency, locale), usd)
}

/** A difference in US dollars: formatUsd with a + on increases ("+$1.20", "-$0.35", "$0.00"). */
export function formatSignedUsd(value: number | null, locale?: string): string {
  return formatSignedMoney(value, USD, locale)
}

/**
 * An axis tick in `currency`: short ("$12K", "€1.5M", "¥150K"), as exact
 * values are in each chart's tooltip and table. Ticks fall where the chart
 * puts them in US dollars, so converted ones are not round numbers.
 */
export function formatMoneyTick(usd: number, currency: Currency = USD, locale?: string): string {
  const value = usd * currency.perUsd
  if (!Number.isFinite(value)) return NOT_A_NUMBER
  if (Math.abs(value) >= SCIENTIFIC_FROM) {
    return scientific(value, locale, `tick-${currency.code}`, {
      style: 'currency',
      currency: currency.code,
    })
  }
  return formatter(locale, `tick-${currency.code}`, {
    style: 'currency',
    currency: currency.code,
    notation: 'compact',
    maximumSignificantDigits: 3,
  }).format(value)
}

/**
 * What the amounts beside it are in, and at what rate and of when, for a
 * reader to check against their own: "Amounts in EUR at 0.92 EUR per USD
 * ($1 = €0.92), rate of 2026-11-27." Null in USD: nothing is converted.
 */
export function formatRateNote(
  currency: Currency,
  rateDate: string,
  locale?: string,
): string | null {
  if (currency.code === 'USD') return null
  const rate = formatter(locale, 'rate', { maximumSignificantDigits: 6 }).format(currency.perUsd)
  const dollar = formatter(locale, 'usd-whole', {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: 0,
  }).format(1)
  const perDollar = formatter(locale, `rate-${currency.code}`, {
    style: 'currency',
    currency: currency.code,
    maximumSignificantDigits: 6,
  }).format(currency.perUsd)
  const when = rateDate === '' ? 'rate date not given' : `rate of ${rateDate}`
  return `Amounts in ${currency.code} at ${rate} ${currency.code} per USD (${dollar} = ${perDollar}), ${when}.`
}

/** A difference in a count: formatCount with a + on increases ("+5,731", "-12", "0"). */
export function formatSignedCount(value: number, locale?: string): string {
  return signed(formatCount(value, locale), value)
}

/** A count (jobs, images, tokens): whole numbers grouped, fractions to two places. */
export function formatCount(value: number, locale?: string): string {
  if (!Number.isFinite(value)) return NOT_A_NUMBER
  const short = large(value, locale, 'count', {})
  if (short !== null) return short
  return formatter(locale, 'count', { maximumFractionDigits: 2 }).format(value)
}

/** A 0..1 fraction as a percentage. */
export function formatPercent(fraction: number, locale?: string): string {
  if (!Number.isFinite(fraction)) return NOT_A_NUMBER
  if (hugePercent(fraction)) return scientific(fraction, locale, 'percent', { style: 'percent' })
  return formatter(locale, 'percent', { style: 'percent', maximumFractionDigits: 2 }).format(
    fraction,
  )
}

/** How many times another figure a ratio is, to two decimals: "2.04×", "1.00×". */
export function formatTimes(ratio: number | null, locale?: string): string {
  if (unshowable(ratio)) return NOT_A_NUMBER
  const short = large(ratio, locale, 'times', {})
  if (short !== null) return `${short}×`
  return `${formatter(locale, 'times', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(ratio)}×`
}

/** A measured ratio or average to three decimals, the precision Apply writes (1.452, not 1.45). */
export function formatMeasured(value: number | null, locale?: string): string {
  if (unshowable(value)) return NOT_A_NUMBER
  const short = large(value, locale, 'measured', {})
  if (short !== null) return short
  return formatter(locale, 'measured', { maximumFractionDigits: 3 }).format(value)
}

/**
 * A 0..1 fraction as a change: a + on increases, and no sign on what rounds to
 * zero ("+12.5%", "-3%", "0%"). Two decimals at most, like formatPercent,
 * unless a figure's note has room for fewer.
 */
export function formatSignedPercent(fraction: number, maxDigits = 2, locale?: string): string {
  if (!Number.isFinite(fraction)) return NOT_A_NUMBER
  if (hugePercent(fraction)) {
    return scientific(fraction, locale, 'percent-signed', {
      style: 'percent',
      signDisplay: 'exceptZero',
    })
  }
  return formatter(locale, `percent-signed-${String(maxDigits)}`, {
    style: 'percent',
    maximumFractionDigits: maxDigits,
    signDisplay: 'exceptZero',
  }).format(fraction)
}

/**
 * A 0..1 share in whole percents, for a mix read at a glance ("33%"). A share
 * that is there but rounds to nothing reads "<1%", never "0%".
 */
export function formatWholePercent(fraction: number, locale?: string): string {
  if (!Number.isFinite(fraction)) return NOT_A_NUMBER
  if (hugePercent(fraction)) return formatPercent(fraction, locale)
  const whole = formatter(locale, 'percent-whole', { style: 'percent', maximumFractionDigits: 0 })
  return fraction > 0 && fraction < 0.005 ? `<${whole.format(0.01)}` : whole.format(fraction)
}

/** A count with its noun: "1 row", "1,204 rows", "2 template stages". */
export function formatCountOf(
  count: number,
  one: string,
  many = `${one}s`,
  locale?: string,
): string {
  return `${formatCount(count, locale)} ${count === 1 ? one : many}`
}

/** How long something took: whole milliseconds under a second (at least 1), else seconds to one decimal. */
export function formatDuration(ms: number, locale?: string): string {
  if (!Number.isFinite(ms)) return NOT_A_NUMBER
  if (ms < 1000) return `${formatCount(Math.max(1, Math.round(ms)), locale)} ms`
  const seconds = formatter(locale, 'seconds', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  })
  return `${seconds.format(ms / 1000)} s`
}
