import type { ReactNode } from 'react'

/**
 * Asks before an Apply that would change what kind of image a stage makes (its quality,
 * size or model): the measures may be another step's. `children` says what differs.
 */
export function ConfirmApply({
  children,
  onApply,
  onCancel,
}: {
  children: ReactNode
  onApply: () => void
  onCancel: () => void
}) {
  return (
    <div role="alertdialog" aria-label="Confirm the stage" className="usage-confirm">
      <p>{children}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={onApply}>
          Apply anyway
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  )
}
