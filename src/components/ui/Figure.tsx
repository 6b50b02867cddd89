import { useId } from 'react'
import type { ReactNode } from 'react'
import './Figure.css'

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
