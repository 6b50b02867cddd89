import type { ReactNode } from 'react'

/**
 * A table that may be wider than a phone screen. Focusable, so a keyboard can
 * scroll it when nothing inside it takes focus; its caption wraps to the
 * screen while the table scrolls.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll fits-caption" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  )
}
