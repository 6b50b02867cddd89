import type { Currency } from '../../domain/currency'
import { formatCount, formatMoneyTick } from '../../format/number'

/** Axis ticks stay short ($12K, €1.5M): exact values are in each chart's tooltip and table. */
export const moneyTick =
  (currency: Currency) =>
  (usd: number): string =>
    formatMoneyTick(usd, currency)

/** A round step near a fifth of the span: 1, 2, 2.5 or 5 times a power of ten. */
function niceStep(span: number): number {
  const raw = span / 5
  const power = 10 ** Math.floor(Math.log10(raw))
  const n = raw / power
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 2.5 ? 2.5 : n <= 5 ? 5 : 10) * power
}

/**
 * A money axis's ticks, for charts whose data is in US dollars: round steps in
 * the currency shown (€0, €25, €50), placed back on the dollar scale, with the
 * domain they span. Nothing in USD, where the chart's own round ticks are right.
 */
export function moneyAxis(
  currency: Currency,
  usdValues: readonly number[],
): { ticks: number[]; domain: [number, number] } | Record<string, never> {
  if (currency.code === 'USD') return {}
  const shown = usdValues.filter(Number.isFinite).map((v) => v * currency.perUsd)
  const lo = Math.min(0, ...shown)
  const hi = Math.max(0, ...shown)
  if (!(hi > lo) || !Number.isFinite(hi - lo)) return {}
  const step = niceStep(hi - lo)
  const ticks: number[] = []
  for (let t = Math.floor(lo / step) * step; t < hi + step; t += step) {
    ticks.push(t / currency.perUsd)
    if (t >= hi) break
  }
  const first = ticks[0] ?? 0
  const last = ticks.at(-1) ?? 0
  return { ticks, domain: [first, last] }
}

export const countTick = (v: number): string =>
  v >= 1e6 ? `${formatCount(v / 1e6)}M` : v >= 1e3 ? `${formatCount(v / 1e3)}k` : formatCount(v)

export const JOBS_AXIS_LABEL = {
  value: 'Jobs per month',
  position: 'insideBottom',
  offset: -8,
  fontSize: 12,
} as const

/** Under a horizontal bar chart's money axis: "EUR per month". */
export const moneyAxisLabel = (code: string) =>
  ({
    value: `${code} per month`,
    position: 'insideBottom',
    offset: -14,
    fontSize: 12,
  }) as const

/** Beside a vertical money axis: "EUR / month". */
export const moneyMonthAxisLabel = (code: string) =>
  ({
    value: `${code} / month`,
    angle: -90,
    position: 'insideLeft',
    style: { textAnchor: 'middle' },
    fontSize: 12,
  }) as const
