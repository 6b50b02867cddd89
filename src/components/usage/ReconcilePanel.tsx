import { useMemo, useState } from 'react'
import { calibratedStage } from '../../domain/usage/calibration'
import type { CalibratedField } from '../../domain/usage/calibration'
import { plural } from '../../domain/usage/plural'
import { reconcile } from '../../domain/usage/reconciliation'
import type { UsageGroup, UsageSummary } from '../../domain/usage/summary'
import type { ScenarioDraft } from '../../domain/draft'
import { METER_LABELS } from '../../domain/engine'
import type { Stage } from '../../domain/model'
import { formatCount, formatMeasured, formatSignedPercent } from '../../format/number'
import { usePriceBook } from '../../store/priceBook'
import { useWorksheetAfterPaint } from '../../store/afterPaint'
import { useWorksheet } from '../../store/worksheet'
import type { WorksheetState } from '../../store/worksheet'
import { decisionScenario } from '../../domain/draft'
import { FailureList } from '../ui/FailureList'
import { Figure } from '../ui/Figure'
import { Panel } from '../ui/Panel'
import { TableScroll } from '../ui/TableScroll'
import { groupName } from './labels'
import { NotesList } from '../ui/NotesList'
import { scenarioTitle } from '../ui/names'
import { ScenarioFinder } from '../scenarios/ScenarioFinder'
import { useScenarioPage } from '../scenarios/useScenarioPage'
import { useMoney } from '../currency/useMoney'
import { ChangesTable } from './ChangesTable'
import { ConfirmApply } from './ConfirmApply'
import { StagePicker } from './StagePicker'

const FIELD_LABELS: Readonly<Record<CalibratedField, string>> = {
  retryMultiplier: 'Retry multiplier',
  outputsPerRequest: 'Outputs per request',
  quality: 'Quality',
  autoBilledAs: 'Auto billed as',
  width: 'Width',
  height: 'Height',
  promptTokens: 'Prompt tokens',
  referenceImages: 'Reference images',
  referenceImageTokens: 'Tokens per reference image',
}

const norm = (s: string) => s.trim().toLowerCase()

/**
 * The stage a log group measures, paired only by name: a stage at the same
 * position or the first one may be a different step altogether, and Apply
 * would then write another step's measures into it. Else '' (the person picks).
 */
function pairedStage(draft: ScenarioDraft, group: UsageGroup): string {
  if (group.stage === null || norm(group.stage) === '') return ''
  return draft.stages.find((s) => norm(s.name) === norm(group.stage ?? ''))?.id ?? ''
}

/** Fields whose change means the log measured another kind of image than the stage makes. */
const SHAPE_FIELDS: readonly CalibratedField[] = ['quality', 'width', 'height']

/** Log groups offered in the picker; the table above pages through the rest. */
const MAX_PICKABLE = 200
const selectScenarios = (s: WorksheetState) => s.scenarios

/**
 * Pairs a log group with a worksheet stage: estimate vs. actual by meter and
 * by input, and the measured values as an undoable Apply.
 */
export function ReconcilePanel({ summary }: { summary: UsageSummary }) {
  const money = useMoney()
  // After the paint: typing elsewhere in the worksheet should not wait for this panel.
  const scenarios = useWorksheetAfterPaint(selectScenarios)
  const activeId = useWorksheet((s) => s.activeId)
  const setStageFields = useWorksheet((s) => s.setStageFields)
  const undo = useWorksheet((s) => s.undo)

  const [groupIndex, setGroupIndex] = useState(0)
  // A select of 50,000 groups freezes the page: the costliest few hundred, and the one picked.
  const costliest = useMemo(
    () =>
      summary.groups
        .map((g, i) => ({ cost: g.costUsd, i }))
        .sort((a, b) => b.cost - a.cost || a.i - b.i)
        .slice(0, MAX_PICKABLE)
        .map((x) => x.i)
        .sort((a, b) => a - b),
    [summary.groups],
  )
  const pickable = costliest.includes(groupIndex) ? costliest : [groupIndex, ...costliest]
  const [scenarioId, setScenarioId] = useState(activeId)
  const [stageChoice, setStageChoice] = useState<{ key: string; stageId: string } | null>(null)
  const [confirming, setConfirming] = useState(false)
  // The worksheet just before and right after Apply. What the status line says
  // follows from which of the two is on screen, however it got there (this
  // panel's Undo, the header's, Ctrl+Z, redo); once the worksheet is neither,
  // it says nothing. The Undo here shows only right after Apply, so it can
  // never undo some other edit.
  const [applied, setApplied] = useState<{
    stageName: string
    scenarioName: string
    changes: number
    before: readonly ScenarioDraft[]
    after: readonly ScenarioDraft[]
  } | null>(null)
  // A string, so typing elsewhere does not redraw this panel.
  const appliedState = useWorksheet((s) =>
    applied === null
      ? null
      : s.scenarios === applied.after
        ? 'applied'
        : s.scenarios === applied.before
          ? 'undone'
          : null,
  )

  const group = summary.groups[groupIndex] ?? summary.groups[0]
  const draft = scenarios.find((d) => d.id === scenarioId) ?? scenarios[0]
  const pager = useScenarioPage(scenarios, draft?.id)
  const pairKey = `${String(groupIndex)}:${draft?.id ?? ''}`
  const stageId =
    stageChoice?.key === pairKey
      ? stageChoice.stageId
      : draft && group
        ? pairedStage(draft, group)
        : ''
  const stageIndex = draft ? draft.stages.findIndex((s) => s.id === stageId) : -1

  const book = usePriceBook()
  const scenario = useMemo(() => (draft ? decisionScenario(draft) : null), [draft])
  const recon = useMemo(
    () =>
      scenario && group && stageIndex >= 0 ? reconcile(scenario, stageIndex, group, book) : null,
    [scenario, group, stageIndex, book],
  )
  const largest = recon?.ok ? recon.inputs.find((i) => i.input === recon.largest) : undefined
  const proposal = useMemo(() => {
    if (!scenario || !group) return null
    const stage = scenario.stages[stageIndex]
    return stage ? calibratedStage(stage, group, scenario.modelId, book) : null
  }, [scenario, group, stageIndex, book])

  if (!group || !draft) return null
  const stageName = draft.stages[stageIndex]?.name ?? ''

  const shapeChanges = proposal?.changes.filter((c) => SHAPE_FIELDS.includes(c.field)) ?? []
  const apply = () => {
    setConfirming(false)
    if (!proposal) return
    const patch: Partial<Stage> = {}
    for (const c of proposal.changes) {
      ;(patch as Record<string, unknown>)[c.field] = proposal.stage[c.field]
    }
    const step = setStageFields(draft.id, stageId, patch)
    if (!step) return
    setApplied({
      stageName,
      scenarioName: draft.name,
      changes: proposal.changes.length,
      before: step.before,
      after: step.after,
    })
  }
  const status =
    applied === null || appliedState === null
      ? ''
      : appliedState === 'applied'
        ? `Applied ${plural(applied.changes, 'measured value')} to "${applied.stageName}" in "${applied.scenarioName}". Undo puts the old values back.`
        : `Undone: "${applied.stageName}" has its values from before.`

  return (
    <Panel
      title="Estimate vs. actual"
      className="wide"
      lede="Pick a log group and the worksheet stage it measures. The stage is priced for the log's volume, so the two costs compare like for like."
    >
      {/* A worksheet of thousands listed every scenario in the picker: a page, and a search. */}
      <ScenarioFinder
        pager={pager}
        label="Find a scenario to reconcile"
        noun="scenarios"
        onPick={(id) => {
          setScenarioId(id)
          setApplied(null)
          setConfirming(false)
        }}
      />
      <div className="usage-pick">
        <label>
          <span>Log group</span>
          <select
            value={groupIndex}
            onChange={(e) => {
              setGroupIndex(Number(e.target.value))
              setApplied(null)
              setConfirming(false)
            }}
          >
            {pickable.map((i) => (
              <option key={i} value={i}>
                {groupName(summary.groups[i]?.template ?? null, summary.groups[i]?.stage ?? null)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Scenario</span>
          <select
            value={draft.id}
            onChange={(e) => {
              setScenarioId(e.target.value)
              setApplied(null)
              setConfirming(false)
            }}
          >
            {(pager.items.includes(draft) ? pager.items : [draft, ...pager.items]).map((d) => (
              <option key={d.id} value={d.id}>
                {scenarioTitle(d.name)}
              </option>
            ))}
          </select>
        </label>
        <StagePicker
          draft={draft}
          stageId={stageId}
          onPick={(id) => {
            setStageChoice({ key: pairKey, stageId: id })
            setApplied(null)
            setConfirming(false)
          }}
        />
      </div>

      {stageIndex < 0 && (
        <p className="hint">
          No stage of “{scenarioTitle(draft.name)}” is named like this log group: pick the stage it
          measures.
        </p>
      )}
      {recon && !recon.ok && <FailureList errors={recon.errors} />}
      {recon?.ok && (
        <>
          <div className="figures panel-figures">
            <Figure
              label="Estimate"
              value={money.format(recon.estimateUsd)}
              note={`"${stageName}" priced for the log's ${formatCount(recon.images)} ${recon.scaledBy}`}
            />
            <Figure label="Actual" value={money.format(recon.actualUsd)} note="From the log" />
            <Figure
              label="Difference"
              value={money.signed(recon.differenceUsd)}
              tone={recon.differenceUsd > 0 ? 'bad' : recon.differenceUsd < 0 ? 'good' : undefined}
              note={
                recon.estimateUsd > 0
                  ? `${formatSignedPercent(recon.differenceUsd / recon.estimateUsd, 1)} of the estimate`
                  : undefined
              }
            />
          </div>
          {largest && (
            <p className="usage-largest">
              Largest cause: <strong>{largest.label}</strong> (
              {money.signed(largest.costImpactUsd ?? 0)}).
            </p>
          )}
          <TableScroll label="Estimate and actual by input">
            <table className="panel-table">
              <caption>By input</caption>
              <thead>
                <tr>
                  <th scope="col">Input</th>
                  <th scope="col">Estimate</th>
                  <th scope="col">Log</th>
                  <th scope="col">Difference</th>
                  <th scope="col">Cost effect</th>
                  <th scope="col" className="notes-head">
                    Detail
                  </th>
                </tr>
              </thead>
              <tbody>
                {recon.inputs.map((i) => (
                  <tr key={i.input} className={i.input === recon.largest ? 'current' : undefined}>
                    <th scope="row">{i.label}</th>
                    <td>{formatMeasured(i.estimate)}</td>
                    <td>{i.actual === null ? 'not logged' : formatMeasured(i.actual)}</td>
                    <td>{formatMeasured(i.difference)}</td>
                    <td>{money.signed(i.costImpactUsd)}</td>
                    <td className="notes">{i.detail}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Not explained by an input</th>
                  <td colSpan={3} />
                  <td>{money.signed(recon.unexplainedUsd)}</td>
                  <td className="notes">
                    Prices, batch, rows priced from a cost column or unpriced.
                  </td>
                </tr>
              </tfoot>
            </table>
          </TableScroll>
          <TableScroll label="Estimate and actual by meter">
            <table className="panel-table">
              <caption>By meter</caption>
              <thead>
                <tr>
                  <th scope="col">Meter</th>
                  <th scope="col">Estimate</th>
                  <th scope="col">Actual</th>
                  <th scope="col">Difference</th>
                </tr>
              </thead>
              <tbody>
                {recon.meters.map((m) => (
                  <tr key={m.meter}>
                    <th scope="row">
                      {m.meter === 'costColumn'
                        ? 'Cost column (no meter split)'
                        : METER_LABELS[m.meter]}
                    </th>
                    <td>{money.format(m.estimateUsd)}</td>
                    <td>{money.format(m.actualUsd)}</td>
                    <td>{money.signed(m.differenceUsd)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <NotesList notes={recon.notes} />
        </>
      )}

      {proposal && recon?.ok && (
        <section className="usage-apply" aria-label="Apply the measured values">
          <h4>Apply what the log measured to “{stageName}”</h4>
          {proposal.changes.length === 0 ? (
            <p className="muted">The stage already has the values the log measured.</p>
          ) : (
            <ChangesTable
              nextHeading="Measured"
              changes={proposal.changes.map((c) => ({
                key: c.field,
                field: FIELD_LABELS[c.field],
                now: typeof c.from === 'number' ? formatMeasured(c.from) : c.from,
                next: typeof c.to === 'number' ? formatMeasured(c.to) : c.to,
                why: c.why,
              }))}
            />
          )}
          {/* A note the estimate above already gives is not said twice. */}
          <NotesList notes={proposal.notes.filter((n) => !recon.notes.includes(n))} />
          {confirming ? (
            <ConfirmApply
              onApply={apply}
              onCancel={() => {
                setConfirming(false)
              }}
            >
              The log group and “{stageName}” differ in{' '}
              {shapeChanges
                .map(
                  (c) =>
                    `${FIELD_LABELS[c.field].toLowerCase()} (${String(c.from)} in the stage, ${String(c.to)} in the log)`,
                )
                .join(', ')}
              : Apply would make the stage the log&apos;s kind of image. Apply anyway?
            </ConfirmApply>
          ) : (
            <div className="actions">
              <button
                type="button"
                className="primary"
                disabled={proposal.changes.length === 0}
                onClick={() => {
                  if (shapeChanges.length > 0) setConfirming(true)
                  else apply()
                }}
              >
                Apply to “{stageName}”
              </button>
              {appliedState === 'applied' && (
                <button type="button" onClick={undo}>
                  Undo
                </button>
              )}
            </div>
          )}
          <p role="status" className="status">
            {status}
          </p>
        </section>
      )}
    </Panel>
  )
}
