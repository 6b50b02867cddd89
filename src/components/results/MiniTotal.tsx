import { formatUsd } from '../../format/number'
import { useActiveResult } from '../../store/hooks'
import './results.css'

/**
 * On a phone the results sit below the worksheet; this bar keeps the total in
 * sight while typing. Hidden from assistive technology: the results panel
 * already announces the same figure.
 */
export function MiniTotal() {
  const result = useActiveResult()
  return (
    <div className="mini-total" aria-hidden="true">
      <span>Monthly cost</span>
      <strong>{result.ok ? formatUsd(result.monthlyCostUsd) : 'Incomplete'}</strong>
      <a href="#results-h" tabIndex={-1}>
        Details
      </a>
    </div>
  )
}
