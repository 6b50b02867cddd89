import type { SensitivityRow } from '../../domain/decisions/sensitivity'
import { formatCount, formatPercent, formatUsd } from '../../format/number'
import { canonicalText } from '../../io/numberInput'
import { PERCENT_STAGE_FIELDS } from '../../domain/validate'

/** How many inputs the tornado draws: past ten the bars are too thin to compare. */
export const TORNADO_ROWS = 10

/** One bar pair of the tornado, shaped for recharts: ranged bars from the current cost. */
export interface TornadoDatum {
  id: string
  label: string
  /** [from, to] in USD per month: the current cost to the cost with the input lowered. */
  lowered: [number, number]
  raised: [number, number]
  loweredText: string
  raisedText: string
  lowCostUsd: number
  highCostUsd: number
  swingUsd: number
}

/** Whole numbers grouped; fractions exactly as the worksheet would show them (1.125, not 1.13). */
function plain(value: number): string {
  return Number.isInteger(value) ? formatCount(value) : canonicalText(value) || '—'
}

/** An input's value in its own unit, as people read it. */
export function inputValueText(row: SensitivityRow, side: 'low' | 'high' | 'base'): string {
  switch (row.kind) {
    case 'jobs':
      return plain(side === 'low' ? row.lowValue : side === 'high' ? row.highValue : row.baseValue)
    case 'stageNumber': {
      const v = side === 'low' ? row.lowValue : side === 'high' ? row.highValue : row.baseValue
      return PERCENT_STAGE_FIELDS.has(row.field) ? formatPercent(v) : plain(v)
    }
    case 'price': {
      const v = side === 'low' ? row.lowValue : side === 'high' ? row.highValue : row.baseValue
      return `${formatUsd(v)} per 1M tokens`
    }
    case 'quality':
      return side === 'low' ? row.lowValue : side === 'high' ? row.highValue : row.baseValue
    case 'size': {
      const s = side === 'low' ? row.lowValue : side === 'high' ? row.highValue : row.baseValue
      return `${s.width}×${s.height}`
    }
  }
}

/** The rows worth a bar: the largest swings, leaving out inputs that move nothing. */
export function tornadoData(rows: readonly SensitivityRow[], baseCostUsd: number): TornadoDatum[] {
  return rows
    .filter((r) => r.swingUsd > 0)
    .slice(0, TORNADO_ROWS)
    .map((r) => ({
      id: r.id,
      label: r.label,
      lowered: [Math.min(baseCostUsd, r.lowCostUsd), Math.max(baseCostUsd, r.lowCostUsd)],
      raised: [Math.min(baseCostUsd, r.highCostUsd), Math.max(baseCostUsd, r.highCostUsd)],
      loweredText: inputValueText(r, 'low'),
      raisedText: inputValueText(r, 'high'),
      lowCostUsd: r.lowCostUsd,
      highCostUsd: r.highCostUsd,
      swingUsd: r.swingUsd,
    }))
}
