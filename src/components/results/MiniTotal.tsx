import { useActiveResult } from '../../store/hooks'
import './results.css'
import { useMoney } from '../currency/useMoney'

/**
 * On a phone the results sit below the worksheet; this bar keeps the total in
 * sight while typing. Hidden from assistive technology: the results panel
 * already announces the same figure.
 */
export function MiniTotal() {
  const money = useMoney()
  const result = useActiveResult()
  return (
    <div className="mini-total" aria-hidden="true">
      <span>Monthly cost</span>
      <strong>{result.ok ? money.format(result.monthlyCostUsd) : 'Incomplete'}</strong>
      <a href="#results-h" tabIndex={-1}>
        Details
      </a>
    </div>
  )
}
