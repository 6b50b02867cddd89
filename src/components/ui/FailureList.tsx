import type { FieldError } from '../../domain/model'

/** Why a tool shows no numbers: the engine's own reasons, one per line. */
export function FailureList({ errors }: { errors: readonly FieldError[] }) {
  return (
    <div className="decision-failure">
      <p>No figures until {errors.length === 1 ? 'this is' : 'these are'} fixed:</p>
      <ul className="error-list">
        {errors.map((e, i) => (
          <li key={`${e.path}-${i}`}>
            {e.stageIndex !== undefined && (
              <strong>{e.stageName || `Stage ${e.stageIndex + 1}`}: </strong>
            )}
            {e.message}
          </li>
        ))}
      </ul>
    </div>
  )
}
