import { memo, useCallback, useId, useLayoutEffect, useRef } from 'react'
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

interface InputProps {
  id: string
  value: string
  invalid: boolean
  describedBy: string | undefined
  onText: (text: string) => void
}

/**
 * The box itself, redrawn only when what it shows changes: React rewrites an input's name and
 * type attributes every time it renders one, and a keystroke re-rendered a dozen unchanged
 * boxes around the one typed in.
 */
const Input = memo(function Input({ id, value, invalid, describedBy, onText }: InputProps) {
  return (
    <input
      id={id}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      spellCheck={false}
      value={value}
      aria-invalid={invalid ? true : undefined}
      aria-describedby={describedBy}
      onChange={(e) => {
        onText(e.target.value)
      }}
    />
  )
})

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
  // The latest handler, behind one that keeps its identity, so the box need not re-render for a
  // new closure: callers pass a fresh arrow function on every render.
  const latest = useRef(onType)
  useLayoutEffect(() => {
    latest.current = onType
  })
  const onText = useCallback((t: string) => {
    latest.current(t)
  }, [])
  return (
    <div className={['field', error ? 'invalid' : '', className ?? ''].join(' ').trim()}>
      <label htmlFor={inputId}>{label}</label>
      <div className="input-wrap">
        <Input
          id={inputId}
          value={text ?? canonicalText(value, percent)}
          invalid={Boolean(error)}
          describedBy={describedBy || undefined}
          onText={onText}
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
