import { USE_CASE_PRESETS } from '../../presets/useCases'
import { useActiveDraft } from '../../store/hooks'
import './scenarios.css'

/** The guide's advice for the use case this scenario started from, and what to replace. */
export function PresetStrategy() {
  const draft = useActiveDraft()
  const preset = USE_CASE_PRESETS.find((p) => p.id === draft.presetId)
  if (!preset) return null
  return (
    <aside className="strategy" aria-label="Strategy for this use case">
      <p>
        <strong>Strategy:</strong> {preset.strategy}
      </p>
      <p className="muted small">{preset.exampleNote}</p>
    </aside>
  )
}
