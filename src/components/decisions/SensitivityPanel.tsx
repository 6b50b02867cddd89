import { lazy, memo, useMemo, useState } from 'react'
import { sensitivity } from '../../domain/decisions/sensitivity'
import type { Scenario } from '../../domain/model'
import { parseTypedNumber } from '../../io/numberInput'
import { useSettledValue } from '../ui/useSettledValue'
import { NumberField } from '../ui/NumberField'
import { FailureList } from '../ui/FailureList'
import { Panel } from '../ui/Panel'
import { tornadoData } from './sensitivityRows'
import { ChartWithTable } from './ChartWithTable'
import { usePriceBook } from '../../store/priceBook'
import { useMoney } from '../currency/useMoney'

// memo: redrawing recharts with unchanged data is the slow part of a re-render.
const TornadoChart = memo(lazy(() => import('./TornadoChart')))
const SETTLE_MS = 250

/** The tornado prices every input twice and recharts redraws every bar: too much for each keystroke. */
export const SensitivityPanel = memo(function SensitivityPanel({
  scenario,
}: {
  scenario: Scenario
}) {
  const money = useMoney()
  const [shareText, setShareText] = useState('25')
  const share = parseTypedNumber(shareText, true)
  const settledShare = useSettledValue(share, SETTLE_MS)
  const book = usePriceBook()
  const result = useMemo(
    () => sensitivity(scenario, book, { variationShare: settledShare }),
    [scenario, book, settledShare],
  )
  const data = useMemo(
    () => (result.ok ? tornadoData(result.rows, result.baseCostUsd) : []),
    [result],
  )
  const shareError = result.ok
    ? undefined
    : result.errors.find((e) => e.path === 'variationShare')?.message

  return (
    <Panel
      title="Sensitivity"
      className="wide"
      lede="Which inputs move the monthly cost most. Each input moves on its own while the others stay as entered: numbers down and up by the share below, quality one step, size to the next cheaper and dearer common size."
    >
      <div className="grid">
        <NumberField
          label="Vary numbers by (%)"
          value={share}
          text={shareText}
          unit="±%"
          error={shareError}
          hint="Applied to every number; each stays within its allowed range."
          onType={setShareText}
        />
      </div>
      {!result.ok ? (
        !shareError && <FailureList errors={result.errors} />
      ) : data.length === 0 ? (
        <p className="empty">No input moves the cost: the scenario costs nothing to run.</p>
      ) : (
        <ChartWithTable
          title="Largest effects on the monthly cost"
          hint={
            <>
              The dark line is the cost as entered, {money.format(result.baseCostUsd)}; each bar
              runs from it to the cost with one input lowered (blue) or raised (orange).
            </>
          }
          description={`Tornado chart of the ${data.length} inputs that move the monthly cost most.`}
          tableLabel="Sensitivity table"
          chart={<TornadoChart data={data} baseCostUsd={result.baseCostUsd} />}
          table={
            <table className="panel-table">
              <caption>Monthly cost with each input lowered and raised on its own</caption>
              <thead>
                <tr>
                  <th scope="col">Input</th>
                  <th scope="col">Lowered to</th>
                  <th scope="col">Cost</th>
                  <th scope="col">Raised to</th>
                  <th scope="col">Cost</th>
                  <th scope="col">Swing</th>
                </tr>
              </thead>
              <tbody>
                {data.map((d) => (
                  <tr key={d.id}>
                    <th scope="row">{d.label}</th>
                    <td>{d.loweredText}</td>
                    <td>{money.format(d.lowCostUsd)}</td>
                    <td>{d.raisedText}</td>
                    <td>{money.format(d.highCostUsd)}</td>
                    <td>{money.format(d.swingUsd)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      )}
    </Panel>
  )
})
