import { cloneElement, createContext, memo, use, useEffect, useId, useState } from 'react'
import type { ReactElement } from 'react'
import { flushSync } from 'react-dom'
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import type { ScenarioOutcome } from '../../domain/compare'
import type { Scenario } from '../../domain/model'
import {
  draftVersusFinal,
  monthlyCostByMeter,
  monthlyCostByStage,
  monthlyCostByVolume,
} from '../../domain/series'
import type { SeriesKey } from '../../domain/series'
import { formatCount } from '../../format/number'
import {
  JOBS_AXIS_LABEL,
  moneyAxis,
  moneyAxisLabel,
  moneyMonthAxisLabel,
  moneyTick,
  countTick,
} from '../charts/axes'
import { ChartFrame, SeriesTable } from './ChartFrame'
import './compare.css'
import { usePriceBook } from '../../store/priceBook'
import { LEGEND_GAP, LEGEND_NAME_MAX, heightWithLegend, legendHeight } from '../charts/legend'
import { PALETTE } from '../charts/palette'
import { shortName } from '../ui/names'
import { useMoney } from '../currency/useMoney'
import type { Money } from '../currency/useMoney'

const colour = (i: number) => PALETTE[i % PALETTE.length] ?? '#000'

/** Tooltips give the exact amount; the axis ticks are rounded (see moneyTick). */
const moneyTooltip = (money: Money) => (v: unknown) =>
  typeof v === 'number' ? money.format(v) : '—'

const CHART_HEIGHT = 300

/**
 * Charts on paper are drawn at the size they print, three across a landscape
 * A4 or US Letter page (about 316 CSS px each after margins and padding), with
 * 12 px (9 pt) text. Scaling the screen drawing down instead shrank its text
 * to 4 pt, and no script runs to redraw a chart while the page is printed.
 */
const PAPER = {
  width: 300,
  height: 230,
  fontSize: 12,
  categoryWidth: 124,
  // Keys, not axis text: a dozen stage names at 12 px would leave the bars no room.
  legendFontSize: 10,
} as const
/** True while the charts are drawn for paper. */
const Paper = createContext(false)
/**
 * A scenario name on one line of a paper chart: wrapped to three lines, six
 * names overlapped in the bars' short height. The memo's headline table
 * above lists the full names in the same order.
 */
const PAPER_NAME_CHARS = 14
const paperName = (name: unknown): string => shortName(String(name), PAPER_NAME_CHARS)

/**
 * Tick and legend text on paper, given to recharts (which measures it to lay
 * ticks out); on screen they keep the page's size. Axis titles are 12 px
 * everywhere (charts/axes.ts).
 */
const paperTick = (paper: boolean) => (paper ? { tick: { fontSize: PAPER.fontSize } } : {})
const paperLegend = (paper: boolean) =>
  paper
    ? { wrapperStyle: { fontSize: PAPER.legendFontSize }, iconSize: 8 }
    : { wrapperStyle: { paddingBottom: LEGEND_GAP } }

/**
 * Whether the page is being printed: print media (a print preview, or
 * emulated print in a test) or between beforeprint and afterprint. Rendered
 * synchronously, so the printed layout already holds the paper-sized charts.
 */
function usePrinting(): boolean {
  const query = typeof window.matchMedia === 'function' ? window.matchMedia('print') : null
  const [printing, setPrinting] = useState(() => query?.matches ?? false)
  useEffect(() => {
    const media = typeof window.matchMedia === 'function' ? window.matchMedia('print') : null
    const set = (value: boolean) => {
      flushSync(() => {
        setPrinting(value)
      })
    }
    const before = () => {
      set(true)
    }
    const after = () => {
      set(media?.matches ?? false)
    }
    window.addEventListener('beforeprint', before)
    window.addEventListener('afterprint', after)
    media?.addEventListener('change', after)
    return () => {
      window.removeEventListener('beforeprint', before)
      window.removeEventListener('afterprint', after)
      media?.removeEventListener('change', after)
    }
  }, [])
  return printing
}

/** A chart's height for the width it is drawn at: the legend above it wraps to more rows as it narrows. */
type HeightFor = (width: number) => number

function ChartContainer({
  children,
  height = CHART_HEIGHT,
}: {
  children: ReactElement<{ width?: number; height?: number }>
  height?: number | HeightFor
}) {
  const [width, setWidth] = useState(INITIAL_WIDTH)
  if (use(Paper)) return cloneElement(children, { width: PAPER.width, height: PAPER.height })
  const h = typeof height === 'number' ? height : height(width)
  return (
    <ResponsiveContainer
      width="100%"
      height={h}
      initialDimension={{ width: INITIAL_WIDTH, height: h }}
      onResize={(w) => {
        // Whole pixels only: a sub-pixel resize must not redraw the chart again.
        setWidth(Math.round(w))
      }}
    >
      {children}
    </ResponsiveContainer>
  )
}
const container = (
  child: ReactElement<{ width?: number; height?: number }>,
  height: number | HeightFor = CHART_HEIGHT,
) => <ChartContainer height={height}>{child}</ChartContainer>

const INITIAL_WIDTH = 640

/**
 * A bar chart's height on screen: room for each scenario's name on two lines and for the
 * legend's rows. At a fixed 300 px, six scenarios and a dozen stage names on a phone left
 * each name 20 px, and the names overlapped.
 */
const barChartHeight =
  (scenarios: number, labels: readonly string[]): HeightFor =>
  (width) =>
    Math.max(CHART_HEIGHT, heightWithLegend(120 + scenarios * 40, legendHeight(labels, width)))

/** One horizontal bar (or stack of bars) per scenario, in USD per month. */
function ScenarioBars({
  rows,
  series,
  stacked,
  unit,
}: {
  rows: readonly object[]
  series: readonly SeriesKey[]
  /** One bar per scenario with a segment per series, or one bar per series side by side. */
  stacked: boolean
  /** What the figures are in, e.g. "USD per job". */
  unit: string
}) {
  const paper = use(Paper)
  const money = useMoney()
  const amounts = (row: object) =>
    series.map((s) => (row as Record<string, unknown>)[s.key]).filter((v) => typeof v === 'number')
  const values = rows.flatMap((row) =>
    stacked ? [amounts(row).reduce((a, b) => a + b, 0)] : amounts(row),
  )
  return container(
    <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
      <XAxis
        type="number"
        tickFormatter={moneyTick(money.currency)}
        {...moneyAxis(money.currency, values)}
        {...paperTick(paper)}
        label={{ ...moneyAxisLabel(money.code), value: money.unitLabel(unit) }}
      />
      <YAxis
        type="category"
        dataKey="scenarioName"
        width={paper ? PAPER.categoryWidth : 150}
        tick={{ fontSize: PAPER.fontSize }}
        interval={0}
        {...(paper ? { tickFormatter: paperName } : {})}
      />
      <Tooltip formatter={moneyTooltip(money)} />
      <Legend position="top" {...paperLegend(paper)} />
      {series.map((s, i) => (
        <Bar
          key={s.key}
          dataKey={s.key}
          name={shortName(s.label, LEGEND_NAME_MAX)}
          {...(stacked ? { stackId: 'cost', stroke: '#fff' } : {})}
          fill={colour(i)}
          isAnimationActive={false}
        />
      ))}
    </BarChart>,
    barChartHeight(
      rows.length,
      series.map((k) => k.label),
    ),
  )
}

const MONTHLY = 'USD per month'

interface ViewProps {
  scales: (number | null)[]
  /** What the figures are in, e.g. "USD per job". */
  unit: string
}

function StackedCost({ outcomes, scales, unit }: { outcomes: ScenarioOutcome[] } & ViewProps) {
  const [by, setBy] = useState<'stage' | 'meter'>('stage')
  const monthly = unit === MONTHLY
  const money = useMoney()
  const shownUnit = money.unitLabel(unit)
  const id = useId()
  const chart =
    by === 'stage' ? monthlyCostByStage(outcomes, scales) : monthlyCostByMeter(outcomes, scales)
  const rows = chart.rows as unknown as Record<string, number | string>[]
  const series = chart.series as SeriesKey[]
  return (
    <ChartFrame
      title={monthly ? 'Monthly cost per scenario' : `Cost per scenario, ${shownUnit}`}
      description={`${shownUnit}, each bar stacked by ${by}.`}
      excluded={chart.excluded}
      controls={
        <div className="segmented" role="radiogroup" aria-label="Stack bars by">
          {(['stage', 'meter'] as const).map((v) => (
            <label key={v}>
              <input
                type="radio"
                name={`${id}-by`}
                value={v}
                checked={by === v}
                onChange={() => {
                  setBy(v)
                }}
              />
              By {v}
            </label>
          ))}
        </div>
      }
      table={
        <SeriesTable
          caption={
            monthly ? `Monthly cost in ${money.code} by ${by}` : `Cost by ${by}, ${shownUnit}`
          }
          firstHeader="Scenario"
          rows={rows}
          rowLabel={(r) => String(r.scenarioName)}
          series={series}
          value={(r, k) => r[k] as number | undefined}
        />
      }
    >
      <ScenarioBars rows={rows} series={series} stacked unit={unit} />
    </ChartFrame>
  )
}

function CostByVolume({ scenarios }: { scenarios: Scenario[] }) {
  const paper = use(Paper)
  const money = useMoney()
  const chart = monthlyCostByVolume(scenarios, usePriceBook())
  const rows = chart.rows as unknown as Record<string, number | null>[]
  return (
    <ChartFrame
      title="Monthly cost as job volume grows"
      description={`${money.code} per month against jobs per month, everything else as entered: cost grows in a straight line with volume. Always per month, whatever costs are shown as.`}
      excluded={chart.excluded}
      table={
        <SeriesTable
          caption={`Monthly cost in ${money.code} at each job volume`}
          firstHeader="Jobs per month"
          rows={rows}
          rowLabel={(r) => formatCount(r.jobsPerMonth ?? 0)}
          series={chart.series}
          value={(r, k) => r[k]}
        />
      }
    >
      {container(
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="jobsPerMonth"
            tickFormatter={countTick}
            {...paperTick(paper)}
            label={JOBS_AXIS_LABEL}
          />
          <YAxis
            tickFormatter={moneyTick(money.currency)}
            {...moneyAxis(
              money.currency,
              rows.flatMap((r) => chart.series.map((s) => r[s.key] ?? 0)),
            )}
            width={paper ? 64 : 88}
            {...paperTick(paper)}
            label={moneyMonthAxisLabel(money.code)}
          />
          <Tooltip
            formatter={moneyTooltip(money)}
            labelFormatter={(v) => `${formatCount(Number(v))} jobs per month`}
          />
          <Legend position="top" {...paperLegend(paper)} />
          {chart.series.map((s) => (
            <Line
              key={s.key}
              dataKey={s.key}
              name={shortName(s.label, LEGEND_NAME_MAX)}
              stroke={colour(s.scenarioIndex)}
              strokeWidth={2}
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
          ))}
        </LineChart>,
        (width) =>
          Math.max(
            CHART_HEIGHT,
            heightWithLegend(
              250,
              legendHeight(
                chart.series.map((s) => s.label),
                width,
              ),
            ),
          ),
      )}
    </ChartFrame>
  )
}

function DraftFinal({ outcomes, scales, unit }: { outcomes: ScenarioOutcome[] } & ViewProps) {
  const chart = draftVersusFinal(outcomes, scales)
  const money = useMoney()
  const shownUnit = money.unitLabel(unit)
  return (
    <ChartFrame
      title="Draft vs final spend"
      description={`${shownUnit} on drafts and on finals, for scenarios with more than one stage. Finals are the stages ticked “Delivers final images”.`}
      excluded={chart.excluded}
      table={
        <SeriesTable
          caption={
            unit === MONTHLY
              ? `Draft and final spend in ${money.code} per month`
              : `Draft and final spend, ${shownUnit}`
          }
          firstHeader="Scenario"
          rows={chart.rows}
          rowLabel={(r) => r.scenarioName}
          series={chart.series}
          value={(r, k) => (k === 'draftUsd' ? r.draftUsd : r.finalUsd)}
        />
      }
    >
      <ScenarioBars rows={chart.rows} series={chart.series} stacked={false} unit={unit} />
    </ChartFrame>
  )
}

/** Time between one chart's redraw and the next's. */
const STAGGER_MS = 40

/**
 * `value`, reaching this chart `step` turns after the first. Redrawing all three charts for
 * twelve new scenarios was one task of a third of a second and more on a busy machine;
 * one chart at a time, each is a task of its own and the page answers in between.
 */
function useStaggered<T>(value: T, step: number): T {
  const [shown, setShown] = useState(value)
  useEffect(() => {
    if (step === 0) return
    const timer = setTimeout(() => {
      setShown(() => value)
    }, step * STAGGER_MS)
    return () => {
      clearTimeout(timer)
    }
  }, [value, step])
  return step === 0 ? value : shown
}

// Memoised, so a chart whose turn has not come is not redrawn with the data it already shows.
const StackedCostChart = memo(StackedCost)
const CostByVolumeChart = memo(CostByVolume)
const DraftFinalChart = memo(DraftFinal)

type ChartsProps = {
  outcomes: ScenarioOutcome[]
  scenarios: Scenario[]
} & ViewProps

/** Loaded lazily: recharts is most of the JavaScript, and the worksheet should paint without it. */
export default function Charts(props: ChartsProps) {
  const paper = usePrinting()
  const first = useStaggered(props, 0)
  const second = useStaggered(props, 1)
  const third = useStaggered(props, 2)
  return (
    <Paper value={paper}>
      <div className={paper ? 'charts paper' : 'charts'}>
        <StackedCostChart outcomes={first.outcomes} scales={first.scales} unit={first.unit} />
        <CostByVolumeChart scenarios={second.scenarios} />
        <DraftFinalChart outcomes={third.outcomes} scales={third.scales} unit={third.unit} />
      </div>
    </Paper>
  )
}
