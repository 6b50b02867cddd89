import type { FieldError } from '../../domain/model'
import { stageTitle } from './names'
import './FailureList.css'

/** The engine's reasons, one per line, each with the stage it is about. */
export function FieldErrorList({ errors }: { errors: readonly FieldError[] }) {
  return (
    <ul className="error-list">
      {errors.map((e, i) => (
        <li key={`${e.path}-${i}`}>
          {e.stageIndex !== undefined && (
            <strong>{stageTitle(e.stageName ?? '', e.stageIndex)}: </strong>
          )}
          {e.message}
        </li>
      ))}
    </ul>
  )
}

/** Why a tool shows no numbers: the engine's own reasons, one per line. */
export function FailureList({ errors }: { errors: readonly FieldError[] }) {
  return (
    <div className="failure-list">
      <p>No figures until {errors.length === 1 ? 'this is' : 'these are'} fixed:</p>
      <FieldErrorList errors={errors} />
    </div>
  )
}
