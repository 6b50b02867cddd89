import { memo, useMemo, useState } from 'react'
import type { UsageStatus } from '../../domain/usage/rows'
import { USAGE_STATUSES } from '../../domain/usage/rows'
import type { QualityKey, UsageGroup, UsageSummary } from '../../domain/usage/summary'
import { QUALITY_KEYS } from '../../domain/usage/summary'
import { formatCount, formatMeasured, formatWholePercent } from '../../format/number'
import { templateTotals } from '../../domain/usage/templateTotals'
import type { StageOrderRule, TemplateTotal } from '../../domain/usage/templateTotals'
import { useWorksheet } from '../../store/worksheet'
import { TableScroll } from '../ui/TableScroll'
import { NotesList } from '../ui/NotesList'
import { BASIS_LABELS, fullTitle, groupName, PAGE, shortText, STATUS_LABELS } from './labels'
import { useMoney } from '../currency/useMoney'

/** "50% rejected, 33% accepted": largest share first, zero shares left out. */
function mix<K extends string>(
  keys: readonly K[],
  shares: Readonly<Record<K, number>>,
  label: (k: K) => string,
) {
  const parts = keys
    .filter((k) => shares[k] > 0)
    .sort((a, b) => shares[b] - shares[a])
    .map((k) => `${formatWholePercent(shares[k])} ${label(k)}`)
  return parts.length > 0 ? parts.join(', ') : '—'
}

const statusMix = (g: UsageGroup) =>
  mix<UsageStatus>(USAGE_STATUSES, g.statusMix, (k) => STATUS_LABELS[k])
const qualityMix = (g: UsageGroup) =>
  mix<QualityKey>(QUALITY_KEYS, g.qualityMix, (k) => (k === 'unknown' ? 'not logged' : k))
const sizeMix = (g: UsageGroup) =>
  g.sizeMix.length === 0
    ? '—'
    : g.sizeMix
        .map((s) => `${formatWholePercent(s.share)} ${s.size ?? 'auto or not logged'}`)
        .join(', ')
const tokens = (n: number) => formatCount(Math.round(n))

function Row({ g, total }: { g: UsageGroup; total?: boolean }) {
  const money = useMoney()
  const name = groupName(g.template, g.stage)
  const t = g.tokensByMeter
  const full = `${g.template ?? ''} / ${g.stage ?? ''}`
  return (
    <tr className={total ? 'total' : undefined}>
      <th scope="row" title={total ? undefined : fullTitle(full)}>
        {total ? 'All rows' : name}
      </th>
      <td>{formatCount(g.billedImages)}</td>
      <td>{formatCount(g.keptImages)}</td>
      <td>{formatMeasured(total ? null : g.retryMultiplier)}</td>
      <td className="wrap">{statusMix(g)}</td>
      <td className="wrap">{qualityMix(g)}</td>
      <td className="wrap">{sizeMix(g)}</td>
      <td>{tokens(t.textInput + t.cachedTextInput)}</td>
      <td>{tokens(t.imageInput + t.cachedImageInput)}</td>
      <td>
        {tokens(t.imageOutput)}
        {g.estimatedOutputTokens > 0 && (
          <span className="delta">+{tokens(g.estimatedOutputTokens)} estimated</span>
        )}
      </td>
      <td>
        {money.format(g.costUsd)}
        <span className="delta">{BASIS_LABELS[g.costBasis]}</span>
      </td>
      <td>{money.format(total ? null : g.costPerKeptImageUsd)}</td>
    </tr>
  )
}

const RULE_TEXT: Readonly<Record<StageOrderRule, string>> = {
  yours: 'as you set it',
  'job id': 'by job id: the order each job went through them',
  'worksheet scenario': 'as in the worksheet scenario',
  'median timestamp': "by each stage's median timestamp",
  'file order': 'as they first appear in the file (no job id, matching scenario or timestamps)',
  'one stage': 'one stage',
}

function ruleText(t: TemplateTotal): string {
  return t.rule === 'worksheet scenario' && t.scenarioName !== null
    ? `${RULE_TEXT[t.rule]} "${t.scenarioName}"`
    : RULE_TEXT[t.rule]
}

const stageName = (st: string) => (st === '' ? '(no stage)' : shortText(st))

/** A template's stages first to last, each movable so the person sets which is last. */
function StageOrder({ t, onMove }: { t: TemplateTotal; onMove: (stages: string[]) => void }) {
  const move = (i: number, by: -1 | 1) => {
    const next = [...t.stages]
    const [moved] = next.splice(i, 1)
    next.splice(i + by, 0, moved ?? '')
    onMove(next)
  }
  return (
    <ol className="stage-order">
      {t.stages.map((st, i) => (
        <li key={st}>
          <span>{stageName(st)}</span>
          {t.stages.length > 1 && (
            <>
              <button
                type="button"
                className="icon"
                aria-label={`Move ${stageName(st)} up`}
                disabled={i === 0}
                onClick={() => {
                  move(i, -1)
                }}
              >
                ↑
              </button>
              <button
                type="button"
                className="icon"
                aria-label={`Move ${stageName(st)} down`}
                disabled={i === t.stages.length - 1}
                onClick={() => {
                  move(i, 1)
                }}
              >
                ↓
              </button>
            </>
          )}
        </li>
      ))}
    </ol>
  )
}

/** Each template's whole workflow, per image kept at its last stage. */
function TemplateTotalsTable({ summary }: { summary: UsageSummary }) {
  const money = useMoney()
  const worksheet = useWorksheet((s) => s.scenarios)
  const [yours, setYours] = useState<ReadonlyMap<string, readonly string[]>>(new Map())
  const scenarios = useMemo(
    () => worksheet.map((sc) => ({ name: sc.name, stages: sc.stages.map((st) => st.name) })),
    [worksheet],
  )
  const totals = useMemo(
    () => templateTotals(summary, { scenarios, yours }).sort((a, b) => b.costUsd - a.costUsd),
    [summary, scenarios, yours],
  )
  const [shown, setShown] = useState(PAGE)
  return (
    <TableScroll label="Cost per template">
      <table className="panel-table usage-table">
        <caption>Per template, all stages</caption>
        <thead>
          <tr>
            <th scope="col">Template</th>
            <th scope="col" className="wrap">
              Stages, first to last
            </th>
            <th scope="col">Billed images</th>
            <th scope="col">Kept at the last stage</th>
            <th scope="col">Actual cost</th>
            <th scope="col">Per image kept at the last stage</th>
          </tr>
        </thead>
        <tbody>
          {totals.slice(0, shown).map((t) => (
            <tr key={t.template}>
              <th scope="row" title={fullTitle(t.template)}>
                {t.template === '' ? '(no template)' : shortText(t.template)}
              </th>
              <td className="wrap">
                <StageOrder
                  t={t}
                  onMove={(stages) => {
                    setYours((m) => new Map(m).set(t.template, stages))
                  }}
                />
                {t.rule !== 'one stage' && <span className="delta">Order: {ruleText(t)}</span>}
              </td>
              <td>{formatCount(t.billedImages)}</td>
              <td>
                {formatCount(t.finalKeptImages)}
                <span className="delta">{stageName(t.finalStage)}</span>
              </td>
              <td>{money.format(t.costUsd)}</td>
              <td>{money.format(t.costPerFinalImageUsd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <MoreRows
        shown={shown}
        listed={totals.length}
        total={summary.templateCount}
        what="templates"
        onMore={setShown}
      />
    </TableScroll>
  )
}

/**
 * "Showing 50 of 50,000, costliest first" and a button for the next page,
 * up to the `listed` costliest the worker sent of the log's `total`.
 */
function MoreRows({
  shown,
  listed,
  total,
  what,
  onMore,
}: {
  shown: number
  listed: number
  total: number
  what: string
  onMore: (shown: number) => void
}) {
  if (total <= PAGE) return null
  return (
    <p className="hint">
      Showing {formatCount(Math.min(shown, listed))} of {formatCount(total)} {what}, costliest
      first.{' '}
      {shown < listed ? (
        <button
          type="button"
          onClick={() => {
            onMore(shown + PAGE)
          }}
        >
          Show {formatCount(Math.min(PAGE, listed - shown))} more {what}
        </button>
      ) : (
        listed < total &&
        `The costliest ${formatCount(listed)} are listed; the all-rows line counts every one.`
      )}
    </p>
  )
}

/** Notes drawn at once; a log of 50,000 groups can have 100,000 of them. */
const MAX_NOTES = 200

/** What the log measured, one row per template and stage, with the whole log below. */
export const LogGroupsTable = memo(function LogGroupsTable({ summary }: { summary: UsageSummary }) {
  const groups = useMemo(
    () => [...summary.groups].sort((a, b) => b.costUsd - a.costUsd),
    [summary.groups],
  )
  const [shown, setShown] = useState(PAGE)
  const { notes, noteCount } = useMemo(() => {
    const list: string[] = []
    let count = 0
    for (const g of groups) {
      count += g.notes.length
      for (const n of g.notes) {
        if (list.length < MAX_NOTES) list.push(`${groupName(g.template, g.stage)}: ${n}`)
      }
    }
    return { notes: list, noteCount: count }
  }, [groups])
  return (
    <>
      <TableScroll label="Measured per template and stage">
        <table className="panel-table usage-table">
          <caption>Measured per template and stage</caption>
          <thead>
            <tr>
              <th scope="col">Template / stage</th>
              <th scope="col">Billed images</th>
              <th scope="col">Kept images</th>
              <th scope="col">Retry multiplier</th>
              <th scope="col" className="wrap">
                Status mix
              </th>
              <th scope="col" className="wrap">
                Quality mix
              </th>
              <th scope="col" className="wrap">
                Size mix
              </th>
              <th scope="col">Text input tokens</th>
              <th scope="col">Image input tokens</th>
              <th scope="col">Output tokens</th>
              <th scope="col">Actual cost</th>
              <th scope="col">Per kept image</th>
            </tr>
          </thead>
          <tbody>
            {groups.slice(0, Math.min(shown, summary.costliestGroups)).map((g) => (
              <Row key={`${g.template ?? ''}\u0000${g.stage ?? ''}`} g={g} />
            ))}
          </tbody>
          <tfoot>
            <Row g={summary.total} total />
          </tfoot>
        </table>
        <MoreRows
          shown={shown}
          listed={summary.costliestGroups}
          total={summary.groupCount}
          what="groups"
          onMore={setShown}
        />
      </TableScroll>
      <p className="hint">
        Kept images are the ones accepted or edited; the retry multiplier is billed images per kept
        image. Failed calls are counted in the status mix but not billed. Across stages a draft pick
        and the final made from it are two kept images, so the all-rows line has no multiplier or
        cost per kept image: see each template below.
      </p>
      <TemplateTotalsTable summary={summary} />
      {notes.length > 0 && (
        <details className="usage-notes">
          <summary>Notes on these numbers ({formatCount(noteCount)})</summary>
          <NotesList notes={notes} />
          {noteCount > notes.length && (
            <p className="hint">
              The first {formatCount(notes.length)} are listed, costliest groups first.
            </p>
          )}
        </details>
      )}
    </>
  )
})
