import type { SkippedRow, UsageLogNotice } from '../../io/usageLog/result'
import { formatCount, formatCountOf } from '../../format/number'
import { NotesList } from '../ui/NotesList'

/** Enough to see the pattern; the rest are counted. */
const SHOWN = 200

export function SkippedRows({
  skippedCount,
  skipped,
  notices,
}: {
  skippedCount: number
  skipped: readonly SkippedRow[]
  notices: readonly UsageLogNotice[]
}) {
  if (skippedCount === 0 && notices.length === 0) return null
  const hidden = skippedCount - Math.min(skipped.length, SHOWN)
  return (
    <div className="usage-problems">
      {skippedCount > 0 && (
        <details>
          <summary>
            {formatCountOf(skippedCount, 'row')} could not be read and
            {skippedCount === 1 ? ' was' : ' were'} left out
          </summary>
          <ul className="problem-list">
            {skipped.slice(0, SHOWN).map((s) => (
              <li key={s.row}>
                <span className="problem-where">Row {formatCount(s.row)}</span> {s.reason}
              </li>
            ))}
          </ul>
          {hidden > 0 && <p className="hint">…and {formatCount(hidden)} more.</p>}
        </details>
      )}
      <NotesList
        label="Notes on the log"
        notes={notices.map((n) => (
          <>
            {n.row !== null && <span className="problem-where">Row {formatCount(n.row)}</span>}{' '}
            {n.message}
          </>
        ))}
      />
    </div>
  )
}
