import { useState } from 'react'
import type { ScenarioDraft, StageDraft } from '../../domain/draft'
import { measuredChanges } from '../../domain/usage/responses'
import type {
  MeasuredField,
  ResponsesSummary,
  TokenGroup,
  TokensMonth,
} from '../../domain/usage/responses'
import { formatCount, formatMeasured, formatSignedPercent } from '../../format/number'
import type { PriceBook } from '../../domain/priceBook'
import { priceBookId } from '../../domain/usage/pricer'
import { usePriceBook } from '../../store/priceBook'
import { useWorksheet } from '../../store/worksheet'
import { Panel } from '../ui/Panel'
import { TableScroll } from '../ui/TableScroll'
import { scenarioTitle, stageTitle } from '../ui/names'
import { monthName } from './monthName'
import { NotesList } from '../ui/NotesList'
import { shortText } from './labels'
import { ChangesTable } from './ChangesTable'
import { ConfirmApply } from './ConfirmApply'
import { StagePicker } from './StagePicker'

const FIELD_LABELS: Readonly<Record<MeasuredField, string>> = {
  promptTokens: 'Prompt tokens',
  referenceImages: 'Reference images',
  referenceImageTokens: 'Tokens per reference image',
}

const monthTitle = (m: TokensMonth) => (m.month === null ? 'Undated' : monthName(m.month))
const perImage = (n: number | null) => (n === null ? 'not saved' : formatMeasured(n))

/** "gpt-image-2 · 1024x1024 · low": a group as the pickers and headings name it. */
function groupLabel(g: TokenGroup): string {
  return [
    g.model === null ? 'model not saved' : shortText(g.model),
    g.size === null ? 'size not saved' : shortText(g.size),
    g.quality ?? 'quality not saved',
  ].join(' · ')
}

function TokensTable({ month }: { month: TokensMonth }) {
  const name = monthTitle(month)
  return (
    <div className="bill-month">
      <h4>{name}</h4>
      <TableScroll label={`Tokens per image, ${name}`}>
        <table className="panel-table">
          <caption>Tokens per image by model, size and quality, {name}</caption>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Size</th>
              <th scope="col">Quality</th>
              <th scope="col">Responses</th>
              <th scope="col">Images</th>
              <th scope="col">Output tokens per image</th>
              <th scope="col">Engine</th>
              <th scope="col">Difference %</th>
              <th scope="col">Text input per image</th>
              <th scope="col">Image input per image</th>
            </tr>
          </thead>
          <tbody>
            {month.groups.map((g) => (
              <tr key={JSON.stringify([g.model, g.size, g.quality])}>
                <th scope="row">{g.model === null ? 'not saved' : shortText(g.model)}</th>
                <td>{g.size === null ? 'not saved' : shortText(g.size)}</td>
                <td>{g.quality ?? 'not saved'}</td>
                <td>{formatCount(g.responses)}</td>
                <td>{formatCount(g.images)}</td>
                <td>{perImage(g.outputPerImage)}</td>
                <td title={g.engineNote ?? undefined}>
                  {g.enginePerImage === null ? '—' : formatCount(g.enginePerImage)}
                </td>
                <td>{g.outputShare === null ? '—' : formatSignedPercent(g.outputShare, 1)}</td>
                <td>{perImage(g.textPerImage)}</td>
                <td>{perImage(g.imagePerImage)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <NotesList
        notes={month.groups
          .filter((g) => g.engineNote !== null)
          .map((g) => `${groupLabel(g)}: no engine figure. ${g.engineNote ?? ''}`)}
      />
    </div>
  )
}

/** The stage a group measures when it is plain: the only one of the same quality and size. */
function matchingStage(draft: ScenarioDraft, g: TokenGroup): StageDraft | undefined {
  const same = draft.stages.filter((s) => !stageDifferences(s, g).length)
  return same.length === 1 ? same[0] : undefined
}

/** What differs between a group and a stage of a scenario; empty when nothing known does. */
function differences(
  draft: ScenarioDraft,
  stage: StageDraft,
  g: TokenGroup,
  book: PriceBook,
): string[] {
  const out: string[] = []
  if (g.model !== null && priceBookId(g.model, book) !== draft.modelId) {
    out.push(`model ${shortText(g.model)} (the scenario: ${draft.modelId})`)
  }
  return [...out, ...stageDifferences(stage, g)]
}

/** Quality and size that differ between a group and a stage. */
function stageDifferences(stage: StageDraft, g: TokenGroup): string[] {
  const out: string[] = []
  if (g.quality !== null && g.quality !== stage.quality) {
    out.push(`quality ${g.quality} (the stage: ${stage.quality})`)
  }
  const size = `${String(stage.width)}x${String(stage.height)}`
  if (g.size !== null && g.size !== size) out.push(`size ${g.size} (the stage: ${size})`)
  return out
}

/**
 * Saved Images API responses: tokens per image beside the engine's figure,
 * and an undoable Apply of the measured prompt and reference tokens to a
 * stage of the active scenario, listed before it is applied.
 */
export function ResponsesPanel({ responses }: { responses: ResponsesSummary }) {
  const scenarios = useWorksheet((s) => s.scenarios)
  const activeId = useWorksheet((s) => s.activeId)
  const draft = scenarios.find((d) => d.id === activeId) ?? scenarios[0]
  return (
    <Panel
      title="Tokens per image"
      className="wide"
      lede="What one image took in the saved Images API responses, per calendar month (UTC), by model, size and quality, beside the engine's output tokens for the same size and quality."
    >
      {responses.months.map((m) => (
        <TokensTable key={m.month ?? ''} month={m} />
      ))}
      {draft && <ApplyTokens responses={responses} draft={draft} />}
    </Panel>
  )
}

function ApplyTokens({ responses, draft }: { responses: ResponsesSummary; draft: ScenarioDraft }) {
  const setStageFields = useWorksheet((s) => s.setStageFields)
  const undo = useWorksheet((s) => s.undo)
  const book = usePriceBook()
  const groups = responses.months.flatMap((m) =>
    m.groups.map((g) => ({ month: m, group: g, label: `${monthTitle(m)}: ${groupLabel(g)}` })),
  )
  const [picked, setPicked] = useState(0)
  const [stageChoice, setStageChoice] = useState<{ key: string; stageId: string } | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [applied, setApplied] = useState<{
    text: string
    before: readonly ScenarioDraft[]
    after: readonly ScenarioDraft[]
  } | null>(null)
  const appliedState = useWorksheet((s) =>
    applied === null
      ? null
      : s.scenarios === applied.after
        ? 'applied'
        : s.scenarios === applied.before
          ? 'undone'
          : null,
  )
  const entry = groups[picked] ?? groups[0]
  if (!entry) return null
  const pairKey = `${String(picked)}:${draft.id}`
  const stageId =
    stageChoice?.key === pairKey
      ? stageChoice.stageId
      : (matchingStage(draft, entry.group)?.id ?? '')
  const stageIndex = draft.stages.findIndex((s) => s.id === stageId)
  const stage = draft.stages[stageIndex]
  const measured = stage ? measuredChanges(stage, entry.group) : null
  const differ = stage ? differences(draft, stage, entry.group, book) : []
  const changes = measured?.changes ?? []
  const stageName = stage ? stageTitle(stage.name, stageIndex) : ''

  const apply = () => {
    if (!stage || changes.length === 0) return
    const patch: Partial<Record<MeasuredField, number>> = {}
    for (const c of changes) patch[c.field] = c.to
    const step = setStageFields(draft.id, stage.id, patch)
    setConfirming(false)
    if (!step) return
    setApplied({
      text: `Applied to “${stageName}”: ${changes
        .map((c) => `${FIELD_LABELS[c.field]} ${formatCount(c.from)} → ${formatCount(c.to)}`)
        .join('; ')}. Undo puts the old values back.`,
      before: step.before,
      after: step.after,
    })
  }
  const status =
    applied === null || appliedState === null
      ? ''
      : appliedState === 'applied'
        ? applied.text
        : 'Undone: the stage has its values from before.'

  return (
    <section className="usage-apply" aria-label="Apply the measured tokens">
      <h4>Apply to “{scenarioTitle(draft.name)}”</h4>
      <div className="usage-pick">
        <label>
          <span>Measured group</span>
          <select
            value={picked}
            onChange={(e) => {
              setPicked(Number(e.target.value))
              setConfirming(false)
              setApplied(null)
            }}
          >
            {groups.map((g, i) => (
              <option key={g.label} value={i}>
                {g.label}
              </option>
            ))}
          </select>
        </label>
        <StagePicker
          draft={draft}
          stageId={stageId}
          onPick={(id) => {
            setStageChoice({ key: pairKey, stageId: id })
            setConfirming(false)
            setApplied(null)
          }}
        />
      </div>
      {!stage && (
        <p className="hint">
          No stage of “{scenarioTitle(draft.name)}” has this group&apos;s quality and size: pick the
          stage these responses measure.
        </p>
      )}
      {stage && changes.length > 0 && (
        <ChangesTable
          changes={changes.map((c) => ({
            key: c.field,
            field: FIELD_LABELS[c.field],
            now: formatCount(c.from),
            next: formatCount(c.to),
            why: c.why,
          }))}
        />
      )}
      {stage && changes.length === 0 && (
        <p className="muted">“{stageName}” already has the tokens these responses measured.</p>
      )}
      <NotesList
        notes={[
          ...(measured?.notes ?? []),
          'Saved responses carry no status, so the retry multiplier cannot be measured from them: it stays as set. They may be a sample of the month’s calls, so jobs per month stays as well (the Usage API pages count every billed image).',
        ]}
      />
      {confirming && stage ? (
        <ConfirmApply
          onApply={apply}
          onCancel={() => {
            setConfirming(false)
          }}
        >
          These responses differ from “{stageName}” in {differ.join(' and ')}. Their tokens per
          image may not be the stage&apos;s. Apply them anyway?
        </ConfirmApply>
      ) : (
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={!stage || changes.length === 0}
            onClick={() => {
              if (differ.length > 0) setConfirming(true)
              else apply()
            }}
          >
            Apply measured tokens
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
  )
}
