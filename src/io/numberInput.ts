/**
 * Numbers as people type them into the worksheet: digits with an optional
 * dot decimal, thousands commas ("1,500"), exponents ("2e6"), a leading "$"
 * on prices and a trailing "%" on shares. Anything else reads as NaN so the
 * engine reports the field, and what was typed stays on screen untouched.
 */
const NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d*)?(?:e[-+]?\d+)?$/i

export function parseTypedNumber(text: string, percent = false): number {
  let t = text.trim()
  if (t.startsWith('$')) t = t.slice(1).trim()
  if (percent && t.endsWith('%')) t = t.slice(0, -1).trim()
  if (!/\d/.test(t) || !NUMBER.test(t)) return Number.NaN
  const value = Number(t.replace(/,/g, ''))
  return percent ? value / 100 : value
}

/** How a stored number is shown when the person has not typed anything else. */
export function canonicalText(value: number, percent = false): string {
  if (!Number.isFinite(value)) return ''
  // x100 can leave binary noise (0.07 * 100 = 7.000000000000001); 12 digits hide it.
  return percent ? String(Number((value * 100).toPrecision(12))) : String(value)
}
