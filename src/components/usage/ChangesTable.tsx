import type { ReactNode } from 'react'
import { TableScroll } from '../ui/TableScroll'

export interface Change {
  key: string
  field: string
  now: ReactNode
  next: ReactNode
  /** Where the new value comes from; the column shows when any row has one. */
  why?: string
}

/**
 * What an Apply would set, field by field, before anything is set: the same table in every
 * panel that writes measured values into the worksheet.
 */
export function ChangesTable({
  changes,
  nextHeading = 'New',
}: {
  changes: readonly Change[]
  /** The heading of the new values' column ("Measured" where the log measured them). */
  nextHeading?: string
}) {
  const withWhy = changes.some((c) => c.why !== undefined)
  return (
    <TableScroll label="Changes to apply">
      <table className="panel-table changes">
        <caption className="visually-hidden">Changes to apply</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Now</th>
            <th scope="col">{nextHeading}</th>
            {withWhy && (
              <th scope="col" className="notes-head">
                Why
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.key}>
              <th scope="row">{c.field}</th>
              <td>{c.now}</td>
              <td>{c.next}</td>
              {withWhy && <td className="notes">{c.why}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  )
}
