import type { ReactNode } from 'react'
import './TableScroll.css'

/** Named by a label, or by an element elsewhere on the page (a caption kept outside). */
type Name = { label: string; labelledBy?: undefined } | { labelledBy: string; label?: undefined }

/**
 * A table that may be wider than a phone screen. Focusable, so a keyboard can
 * scroll it when nothing inside it takes focus. Its caption wraps to the
 * screen while the table scrolls, unless `fitsCaption` is off (see TableScroll.css).
 */
export function TableScroll({
  children,
  fitsCaption = true,
  ...name
}: Name & { children: ReactNode; fitsCaption?: boolean }) {
  return (
    <div
      className={fitsCaption ? 'table-scroll fits-caption' : 'table-scroll'}
      tabIndex={0}
      role="region"
      aria-label={name.label}
      aria-labelledby={name.labelledBy}
    >
      {children}
    </div>
  )
}
