import { memo } from 'react'
import type { UsageStatus } from '../../domain/usage/rows'
import { USAGE_STATUSES } from '../../domain/usage/rows'
import type { QualityKey, UsageGroup, UsageSummary } from '../../domain/usage/summary'
import { QUALITY_KEYS } from '../../domain/usage/summary'
import { formatCount, formatMeasured, formatUsd, formatWholePercent } from '../../format/number'
import { templateTotals } from '../../domain/usage/templateTotals'
import { TableScroll } from '../ui/TableScroll'
import { NotesList } from '../ui/NotesList'
import { BASIS_LABELS, groupName, STATUS_LABELS } from './labels'

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
  const name = groupName(g.template, g.stage)
  const t = g.tokensByMeter
  return (
    <tr className={total ? 'total' : undefined}>
      <th scope="row">{total ? 'All rows' : name}</th>
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
        {formatUsd(g.costUsd)}
        <span className="delta">{BASIS_LABELS[g.costBasis]}</span>
      </td>
      <td>{formatUsd(total ? null : g.costPerKeptImageUsd)}</td>
    </tr>
  )
}

/** Each template's whole workflow, per image kept at its last stage. */
function TemplateTotalsTable({ summary }: { summary: UsageSummary }) {
  const totals = templateTotals(summary.groups)
  return (
    <TableScroll label="Cost per template">
      <table className="panel-table usage-table">
        <caption>Per template, all stages</caption>
        <thead>
          <tr>
            <th scope="col">Template</th>
            <th scope="col" className="wrap">
              Stages
            </th>
            <th scope="col">Billed images</th>
            <th scope="col">Kept at the last stage</th>
            <th scope="col">Actual cost</th>
            <th scope="col">Per image kept at the last stage</th>
          </tr>
        </thead>
        <tbody>
          {totals.map((t) => (
            <tr key={t.template}>
              <th scope="row">{t.template === '' ? '(no template)' : t.template}</th>
              <td className="wrap">{t.stages.map((st) => st || '(no stage)').join(' → ')}</td>
              <td>{formatCount(t.billedImages)}</td>
              <td>
                {formatCount(t.finalKeptImages)}
                <span className="delta">{t.finalStage || '(no stage)'}</span>
              </td>
              <td>{formatUsd(t.costUsd)}</td>
              <td>{formatUsd(t.costPerFinalImageUsd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  )
}

/** What the log measured, one row per template and stage, with the whole log below. */
export const LogGroupsTable = memo(function LogGroupsTable({ summary }: { summary: UsageSummary }) {
  const notes = summary.groups.flatMap((g) =>
    g.notes.map((n) => `${groupName(g.template, g.stage)}: ${n}`),
  )
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
            {summary.groups.map((g) => (
              <Row key={`${g.template ?? ''}\u0000${g.stage ?? ''}`} g={g} />
            ))}
          </tbody>
          <tfoot>
            <Row g={summary.total} total />
          </tfoot>
        </table>
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
          <summary>Notes on these numbers ({formatCount(notes.length)})</summary>
          <NotesList notes={notes} />
        </details>
      )}
    </>
  )
})
