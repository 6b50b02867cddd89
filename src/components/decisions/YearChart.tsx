import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import type { TooltipContentProps } from 'recharts'
import type { ProjectedMonth } from '../../domain/projection'
import { formatCount } from '../../format/number'
import { formatMonth } from '../../format/month'
import { moneyAxis, moneyMonthAxisLabel, moneyTick } from '../charts/axes'
import { useMoney } from '../currency/useMoney'
import type { Money } from '../currency/useMoney'

// Okabe-Ito blue for months within the budget, vermillion for months over it, and the
// budget line in near-black: apart in colour-blind vision and in greyscale print.
const WITHIN = '#0072B2'
const OVER = '#D55E00'
const BUDGET = '#1b2430'
const HEIGHT = 280

/** One month: its cost in one of two stacked series, so a month over budget reads apart. */
interface Row {
  label: string
  costUsd: number
  jobs: number
  within: number
  over: number
}

function MonthTooltip({
  active,
  payload,
  money,
}: Pick<TooltipContentProps, 'active' | 'payload'> & { money: Money }) {
  const row = payload[0]?.payload as Row | undefined
  if (!active || !row) return null
  return (
    <div className="tornado-tooltip">
      <p className="tornado-tooltip-title">{row.label}</p>
      <p>
        <strong>{money.format(row.costUsd)}</strong> for {formatCount(row.jobs)} jobs
      </p>
    </div>
  )
}

/** Loaded lazily, like the other charts: recharts is most of the JavaScript. */
export default function YearChart({
  months,
  budgetUsd,
}: {
  months: readonly ProjectedMonth[]
  budgetUsd: number | null
}) {
  const money = useMoney()
  const rows: Row[] = months.map((m) => {
    const over = budgetUsd !== null && m.costUsd > budgetUsd
    return {
      label: formatMonth(m.month),
      costUsd: m.costUsd,
      jobs: m.jobs,
      within: over ? 0 : m.costUsd,
      over: over ? m.costUsd : 0,
    }
  })
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <BarChart data={rows} margin={{ top: 16, right: 16, bottom: 8, left: 16 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" fontSize={12} interval="preserveStartEnd" minTickGap={4} />
        <YAxis
          tickFormatter={moneyTick(money.currency)}
          {...moneyAxis(money.currency, [...months.map((m) => m.costUsd), budgetUsd ?? 0])}
          fontSize={12}
          label={moneyMonthAxisLabel(money.code)}
          width={72}
        />
        <Tooltip content={(props) => <MonthTooltip {...props} money={money} />} />
        {budgetUsd === null ? (
          <Bar dataKey="costUsd" name="Cost" fill={WITHIN} isAnimationActive={false} />
        ) : (
          [
            <Legend key="legend" itemSorter={null} />,
            <Bar
              key="within"
              dataKey="within"
              name="Within budget"
              stackId="month"
              fill={WITHIN}
              isAnimationActive={false}
            />,
            <Bar
              key="over"
              dataKey="over"
              name="Over budget"
              stackId="month"
              fill={OVER}
              isAnimationActive={false}
            />,
          ]
        )}
        {budgetUsd !== null && (
          <ReferenceLine
            y={budgetUsd}
            stroke={BUDGET}
            strokeDasharray="6 4"
            ifOverflow="extendDomain"
          />
        )}
      </BarChart>
    </ResponsiveContainer>
  )
}
