import { useId } from 'react'
import type { ReactNode } from 'react'
import { canonicalText } from '../../io/numberInput'

interface Props {
  id?: string
  label: string
  value: number
  /** What the person typed, when it is not the plain number. */
  text: string | undefined
  percent?: boolean
  unit?: string
  error?: string | undefined
  hint?: ReactNode
  onType: (text: string) => void
  children?: ReactNode
  className?: string
}

/**
 * A text box for a number. Not `type="number"`: browsers blank out what they
 * cannot parse, and the worksheet must keep exactly what was typed on screen.
 */
export function NumberField({
  id,
  label,
  value,
  text,
  percent = false,
  unit,
  error,
  hint,
  onType,
  children,
  className,
}: Props) {
  const auto = useId()
  const inputId = id ?? auto
  const hintId = `${inputId}-hint`
  const errorId = `${inputId}-error`
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ')
  return (
    <div className={['field', error ? 'invalid' : '', className ?? ''].join(' ').trim()}>
      <label htmlFor={inputId}>{label}</label>
      <div className="input-wrap">
        <input
          id={inputId}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={text ?? canonicalText(value, percent)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(e) => {
            onType(e.target.value)
          }}
        />
        {(unit ?? (percent ? '%' : undefined)) && (
          <span className="unit" aria-hidden="true">
            {unit ?? '%'}
          </span>
        )}
      </div>
      {error && (
        <p id={errorId} className="error-text">
          {error}
        </p>
      )}
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {children}
    </div>
  )
}
