import type { ScenarioDraft } from '../../domain/draft'
import { stageTitle } from '../ui/names'

/** The worksheet stage a measurement is applied to; '' until the person picks one. */
export function StagePicker({
  draft,
  stageId,
  onPick,
}: {
  draft: ScenarioDraft
  stageId: string
  onPick: (stageId: string) => void
}) {
  return (
    <label>
      <span>Stage</span>
      <select
        value={stageId}
        onChange={(e) => {
          onPick(e.target.value)
        }}
      >
        <option value="" disabled>
          Pick the stage it measures…
        </option>
        {draft.stages.map((s, i) => (
          <option key={s.id} value={s.id}>
            {stageTitle(s.name, i)}
          </option>
        ))}
      </select>
    </label>
  )
}
