import { useSyncExternalStore } from 'react'
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
import type { TornadoDatum } from './sensitivityRows'
import { moneyAxisLabel, moneyTick } from '../charts/axes'
import { useMoney } from '../currency/useMoney'
import type { Money } from '../currency/useMoney'

// Okabe-Ito blue and vermillion: apart for colour-blind readers and in greyscale print.
const LOWERED = '#0072B2'
const RAISED = '#D55E00'
const BAR = 16
const ROW_HEIGHT = 34

/** A round tick step (1, 2 or 5 times a power of ten) giving about five ticks. */
function niceStep(span: number): number {
  const raw = span / 5
  const power = 10 ** Math.floor(Math.log10(raw))
  const unit = raw / power
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power
}

/** Round ticks around the bars; the axis starts near the bars, not at $0, so short bars stay readable. */
function axisTicks(min: number, max: number): number[] {
  const step = max > min ? niceStep(max - min) : Math.max(1, Math.abs(max))
  const lo = Math.max(0, Math.floor(min / step) * step)
  const hi = Math.ceil(max / step) * step
  const ticks: number[] = []
  // Integer steps, not repeated addition, so ticks land on round values.
  for (let k = 0; lo + k * step <= hi + step / 2 && k <= 20; k++) ticks.push(lo + k * step)
  return ticks
}

// jsdom has no matchMedia; without it the chart lays out for a wide screen.
const narrowQuery = (): MediaQueryList | null =>
  typeof window.matchMedia === 'function' ? window.matchMedia('(max-width: 600px)') : null
const subscribeNarrow = (onChange: () => void) => {
  const query = narrowQuery()
  query?.addEventListener('change', onChange)
  return () => {
    query?.removeEventListener('change', onChange)
  }
}
/** On a phone the input names get less room, so the bars keep some. */
const useNarrow = () =>
  useSyncExternalStore(
    subscribeNarrow,
    () => narrowQuery()?.matches ?? false,
    () => false,
  )

function change(cost: number, base: number, money: Money): string {
  const d = cost - base
  if (d === 0) return 'no change'
  return money.signed(d)
}

function TornadoTooltip({
  active,
  payload,
  baseCostUsd,
  money,
}: Pick<TooltipContentProps, 'active' | 'payload'> & { baseCostUsd: number; money: Money }) {
  const datum = payload[0]?.payload as TornadoDatum | undefined
  if (!active || !datum) return null
  return (
    <div className="tornado-tooltip">
      <p className="tornado-tooltip-title">{datum.label}</p>
      <p>
        <span className="swatch" style={{ background: LOWERED }} aria-hidden="true" />
        Lowered to {datum.loweredText}: <strong>{money.format(datum.lowCostUsd)}</strong> (
        {change(datum.lowCostUsd, baseCostUsd, money)})
      </p>
      <p>
        <span className="swatch" style={{ background: RAISED }} aria-hidden="true" />
        Raised to {datum.raisedText}: <strong>{money.format(datum.highCostUsd)}</strong> (
        {change(datum.highCostUsd, baseCostUsd, money)})
      </p>
      <p className="muted">
        As entered: {money.format(baseCostUsd)} · swing {money.format(datum.swingUsd)}
      </p>
    </div>
  )
}

/**
 * Loaded lazily, like the compare charts: recharts is most of the JavaScript
 * and the worksheet paints without it. Each input is one row: the bar left of
 * the current cost is the input lowered, right of it raised (for inputs where
 * more means cheaper the colours swap sides, and the tooltip says so).
 */
export default function TornadoChart({
  data,
  baseCostUsd,
}: {
  data: TornadoDatum[]
  baseCostUsd: number
}) {
  const narrow = useNarrow()
  const money = useMoney()
  // Round steps in the currency shown, placed back on the chart's US-dollar scale.
  const rate = money.currency.perUsd
  const costs = data.flatMap((d) => [d.lowCostUsd, d.highCostUsd, baseCostUsd].map((c) => c * rate))
  const ticks = axisTicks(Math.min(...costs), Math.max(...costs)).map((t) => t / rate)
  const height = data.length * ROW_HEIGHT + 90
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 560, height }}>
      <BarChart
        data={data}
        layout="vertical"
        barSize={BAR}
        // A negative gap as wide as a bar puts the pair on one line, as a tornado reads.
        barGap={-BAR}
        margin={{ top: 4, right: 24, bottom: 24, left: 4 }}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis
          type="number"
          domain={[ticks[0] ?? 0, ticks.at(-1) ?? 0]}
          ticks={ticks}
          tickFormatter={moneyTick(money.currency)}
          label={moneyAxisLabel(money.code)}
        />
        <YAxis
          type="category"
          dataKey="label"
          width={narrow ? 104 : 184}
          tick={{ fontSize: narrow ? 10 : 11 }}
          interval={0}
        />
        <Tooltip
          cursor={{ fill: 'rgb(47 111 179 / 8%)' }}
          // On a phone no side of the pointer has room for the tooltip: pin it to the left edge.
          {...(narrow ? { position: { x: 4 } } : {})}
          content={(props) => <TornadoTooltip {...props} baseCostUsd={baseCostUsd} money={money} />}
        />
        <Legend position="top" />
        <ReferenceLine x={baseCostUsd} stroke="#1b2430" strokeWidth={1.5} />
        <Bar dataKey="lowered" name="Input lowered" fill={LOWERED} isAnimationActive={false} />
        <Bar dataKey="raised" name="Input raised" fill={RAISED} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  )
}
