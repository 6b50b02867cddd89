/**
 * How numbers read inside the sentences the domain writes (field errors, fix
 * descriptions, check reasons): every rounding, grouping and percent decision
 * those sentences make is here. Fixed to en-US, so a message never depends on
 * the host's locale. What the screen shows on its own goes through src/format,
 * which the domain does not import. Plain whole numbers (a count of stages, a
 * width) are written as they are.
 */

/**
 * Grouped, up to three decimals: 8294400 -> "8,294,400", 0.125 -> "0.125".
 * From a quadrillion up, scientific (1e300 -> "1E300"): a number typed that
 * large would otherwise make a field's error hundreds of digits wide.
 */
export function groupedNumber(n: number): string {
  if (Math.abs(n) >= 1e15) {
    return n.toLocaleString('en-US', { notation: 'scientific', maximumSignificantDigits: 3 })
  }
  return n.toLocaleString('en-US')
}

/** A 0..1 share as a percentage, grouped, up to three decimals: 0.125 -> "12.5%". */
export function groupedPercent(share: number): string {
  return `${groupedNumber(share * 100)}%`
}

/** A computed value to one decimal, so float noise never shows: 12.3456 -> 12.3. */
export function toTenth(n: number): number {
  return Math.round(n * 10) / 10
}

/** A computed share as a percentage to one decimal: 0.12345 -> "12.3%". */
export function tenthsPercent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`
}

/** A relative change as a signed percentage to one decimal: 0.25 -> "+25%", -0.1 -> "-10%". */
export function signedTenthsPercent(change: number): string {
  return `${change >= 0 ? '+' : ''}${tenthsPercent(change)}`
}
