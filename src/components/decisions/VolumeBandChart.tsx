import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import type { TooltipContentProps } from 'recharts'
import type { InputRange, VolumeBandPoint } from '../../domain/decisions/monteCarlo'
import { formatCount } from '../../format/number'
import {
  JOBS_AXIS_LABEL,
  countTick,
  moneyAxis,
  moneyMonthAxisLabel,
  moneyTick,
} from '../charts/axes'
import { useMoney } from '../currency/useMoney'
import type { Money } from '../currency/useMoney'

// Okabe-Ito blue for the band and its median; the plan as entered in near-black,
// so the three read apart in colour-blind vision and in greyscale print.
const BAND = '#0072B2'
const AS_ENTERED = '#1b2430'
const JOBS_SPAN = '#E69F00'
const HEIGHT = 300
// The band first, then its median, then the plan: the order the hint reads them in.
const LEGEND_ORDER = ['band', 'p50', 'base']

/** A chart row: recharts draws an Area from a [low, high] pair as a range. */
interface Row {
  jobsPerMonth: number
  band: [number, number]
  p50: number
  base: number
  point: VolumeBandPoint
}

function BandTooltip({
  active,
  payload,
  money,
}: Pick<TooltipContentProps, 'active' | 'payload'> & { money: Money }) {
  const row = payload[0]?.payload as Row | undefined
  if (!active || !row) return null
  const p = row.point
  return (
    <div className="tornado-tooltip">
      <p className="tornado-tooltip-title">{formatCount(p.jobsPerMonth)} jobs per month</p>
      <p>
        <span className="swatch" style={{ background: BAND, opacity: 0.35 }} aria-hidden="true" />
        P10 to P90: <strong>{money.format(p.p10Usd)}</strong> to{' '}
        <strong>{money.format(p.p90Usd)}</strong>
      </p>
      <p>
        <span className="swatch" style={{ background: BAND }} aria-hidden="true" />
        P50 (median): <strong>{money.format(p.p50Usd)}</strong>
      </p>
      <p className="muted">As entered: {money.format(p.baseUsd)}</p>
    </div>
  )
}

/**
 * Loaded lazily, like the other charts: recharts is most of the JavaScript.
 * The x axis is numeric (not one category per row) so the jobs range can be
 * shaded between its own low and high, which need not be on a row.
 */
export interface VolumeBandProps {
  points: VolumeBandPoint[]
  /** Shaded along the volume axis when jobs per month has a range. */
  jobsRange: InputRange | undefined
  planJobs: number
}

export default function VolumeBandChart({ points, jobsRange, planJobs }: VolumeBandProps) {
  const money = useMoney()
  const rows: Row[] = points.map((p) => ({
    jobsPerMonth: p.jobsPerMonth,
    band: [p.p10Usd, p.p90Usd],
    p50: p.p50Usd,
    base: p.baseUsd,
    point: p,
  }))
  const top = points.at(-1)?.jobsPerMonth ?? 0
  // Ticks on the round steps only: a plan of 1,234 jobs is a row but not a tick, so the
  // axis stays evenly spaced. The grid starts at 0, so its first other point is the step.
  const volumes = points.map((p) => p.jobsPerMonth)
  const step = volumes.find((v) => v > 0 && v !== planJobs) ?? 1
  const planOnGrid = Number.isInteger(planJobs / step)
  const ticks = volumes.filter((v) => planOnGrid || v !== planJobs)
  return (
    <ResponsiveContainer
      width="100%"
      height={HEIGHT}
      initialDimension={{ width: 640, height: HEIGHT }}
    >
      <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          type="number"
          dataKey="jobsPerMonth"
          domain={[0, top]}
          ticks={ticks}
          tickFormatter={countTick}
          label={JOBS_AXIS_LABEL}
        />
        <YAxis
          tickFormatter={moneyTick(money.currency)}
          {...moneyAxis(
            money.currency,
            points.flatMap((p) => [p.p10Usd, p.p90Usd, p.baseUsd]),
          )}
          width={80}
          label={moneyMonthAxisLabel(money.code)}
        />
        <Tooltip content={(props) => <BandTooltip {...props} money={money} />} />
        <Legend position="top" itemSorter={(item) => LEGEND_ORDER.indexOf(String(item.dataKey))} />
        {jobsRange && (
          <ReferenceArea
            x1={jobsRange.low}
            x2={jobsRange.high}
            fill={JOBS_SPAN}
            fillOpacity={0.12}
            stroke={JOBS_SPAN}
            strokeOpacity={0.5}
            strokeDasharray="4 3"
            ifOverflow="extendDomain"
          />
        )}
        <Area
          dataKey="band"
          name="P10 to P90"
          legendType="square"
          type="linear"
          fill={BAND}
          fillOpacity={0.22}
          stroke={BAND}
          strokeOpacity={0.4}
          isAnimationActive={false}
        />
        <Line
          dataKey="p50"
          name="P50 (median)"
          legendType="plainline"
          type="linear"
          stroke={BAND}
          strokeWidth={2}
          strokeDasharray="6 4"
          dot={false}
          isAnimationActive={false}
        />
        <Line
          dataKey="base"
          name="As entered"
          legendType="plainline"
          type="linear"
          stroke={AS_ENTERED}
          strokeWidth={1.5}
          dot={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  )
}
