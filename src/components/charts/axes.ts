import type { Currency } from '../../domain/currency'
import { formatCount, formatMoneyTick } from '../../format/number'

/** Axis ticks stay short ($12K, €1.5M): exact values are in each chart's tooltip and table. */
export const moneyTick =
  (currency: Currency) =>
  (usd: number): string =>
    formatMoneyTick(usd, currency)

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
