import { USE_CASE_PRESETS } from '../../presets/useCases'
import { useActivePick } from '../../store/hooks'
import './scenarios.css'

/** The guide's advice for the use case this scenario started from, and what to replace. */
export function PresetStrategy() {
  // The preset alone: a number typed into the scenario does not redraw the advice.
  const { presetId } = useActivePick((d) => ({ presetId: d.presetId }))
  const preset = USE_CASE_PRESETS.find((p) => p.id === presetId)
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
