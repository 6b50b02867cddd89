import { useId } from 'react'
import type { ReactNode, Ref } from 'react'

interface Props {
  title: string
  lede?: ReactNode
  /** Where focus goes after an action removes the button that had it. */
  headingRef?: Ref<HTMLHeadingElement>
  className?: string
  children: ReactNode
}

/** One decision tool: a card named by its heading, so screen readers can jump from tool to tool. */
export function Panel({ title, lede, headingRef, className, children }: Props) {
  const id = useId()
  return (
    <section
      className={['card', 'decision', className ?? ''].join(' ').trim()}
      aria-labelledby={id}
    >
      <h3 id={id} ref={headingRef} tabIndex={-1}>
        {title}
      </h3>
      {lede && <p className="lede">{lede}</p>}
      {children}
    </section>
  )
}

/** A labelled figure: an <output>, so tests and assistive technology find it by its label. */
export function Figure({
  label,
  value,
  note,
  tone,
  big = false,
}: {
  label: string
  value: string
  note?: ReactNode
  tone?: 'good' | 'bad' | undefined
  /** The headline figure of its panel, drawn larger. */
  big?: boolean
}) {
  const id = useId()
  return (
    <div className={['figure', big ? 'big' : '', tone ?? ''].join(' ').trim()}>
      <span id={id} className="figure-label">
        {label}
      </span>
      <output aria-labelledby={id} className="figure-value">
        {value}
      </output>
      {note && <span className="hint">{note}</span>}
    </div>
  )
}

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
