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
 * errors; this only keeps "NaN" or "∞" from ever reaching the screen.
 */
export const NOT_A_NUMBER = '—'

/**
 * US dollars with as many digits as the amount needs: cents at a dollar and
 * above, three significant digits below, so a $0.0053 image never reads $0.01.
 */
export function formatUsd(value: number, locale?: string): string {
  if (!Number.isFinite(value)) return NOT_A_NUMBER
  if (Math.abs(value) >= 1 || value === 0) {
    return formatter(locale, 'usd', {
      style: 'currency',
      currency: 'USD',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }).format(value)
  }
  return formatter(locale, 'usd-small', {
    style: 'currency',
    currency: 'USD',
    minimumSignificantDigits: 2,
    maximumSignificantDigits: 3,
  }).format(value)
}

/**
 * A per-unit price (cost per delivered image): below $1 always three
 * significant digits, so $0.370 does not read as the rounder-looking $0.37.
 * @example formatUnitUsd(92.583 / 250) // "$0.370"
 */
export function formatUnitUsd(value: number, locale?: string): string {
  if (!Number.isFinite(value) || Math.abs(value) >= 1 || value === 0)
    return formatUsd(value, locale)
  return formatter(locale, 'usd-unit', {
    style: 'currency',
    currency: 'USD',
    minimumSignificantDigits: 3,
    maximumSignificantDigits: 3,
  }).format(value)
}

/** A difference in US dollars: formatUsd with a + on increases ("+$1.20", "-$0.35", "$0.00"). */
export function formatSignedUsd(value: number, locale?: string): string {
  const text = formatUsd(value, locale)
  return value > 0 ? `+${text}` : text
}

/** A count (jobs, images, tokens): whole numbers grouped, fractions to two places. */
export function formatCount(value: number, locale?: string): string {
  if (!Number.isFinite(value)) return NOT_A_NUMBER
  return formatter(locale, 'count', { maximumFractionDigits: 2 }).format(value)
}

/** A 0..1 fraction as a percentage. */
export function formatPercent(fraction: number, locale?: string): string {
  if (!Number.isFinite(fraction)) return NOT_A_NUMBER
  return formatter(locale, 'percent', { style: 'percent', maximumFractionDigits: 2 }).format(
    fraction,
  )
}

/** A measured ratio or average to three decimals, the precision Apply writes (1.452, not 1.45). */
export function formatMeasured(value: number, locale?: string): string {
  if (!Number.isFinite(value)) return NOT_A_NUMBER
  return formatter(locale, 'measured', { maximumFractionDigits: 3 }).format(value)
}
