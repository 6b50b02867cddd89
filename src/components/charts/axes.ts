import { formatCount } from '../../format/number'

/** Axis ticks stay short ($12k, 1.5M): exact values are in each chart's tooltip and table. */
export const usdTick = (v: number): string =>
  Math.abs(v) >= 1e6
    ? `$${formatCount(v / 1e6)}M`
    : Math.abs(v) >= 1e3
      ? `$${formatCount(v / 1e3)}k`
      : `$${formatCount(v)}`

export const countTick = (v: number): string =>
  v >= 1e6 ? `${formatCount(v / 1e6)}M` : v >= 1e3 ? `${formatCount(v / 1e3)}k` : formatCount(v)

export const JOBS_AXIS_LABEL = {
  value: 'Jobs per month',
  position: 'insideBottom',
  offset: -8,
  fontSize: 12,
} as const

/** Under a horizontal bar chart's dollar axis. */
export const USD_AXIS_LABEL = {
  value: 'USD per month',
  position: 'insideBottom',
  offset: -14,
  fontSize: 12,
} as const

export const USD_MONTH_AXIS_LABEL = {
  value: 'USD / month',
  angle: -90,
  position: 'insideLeft',
  style: { textAnchor: 'middle' },
  fontSize: 12,
} as const
