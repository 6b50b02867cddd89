import { formatRateNote } from '../../format/number'
import { useCurrencySetting, useResolvedCurrency } from '../../store/useCurrency'
import './currency.css'

/**
 * Said beside totals: what currency they are in, at what rate and of when, or
 * that they are in USD because the chosen currency's rate cannot be used.
 * Nothing in USD by choice: nothing was converted.
 */
export function RateNote({ className }: { className?: string }) {
  const setting = useCurrencySetting()
  const { currency, rateProblem } = useResolvedCurrency()
  if (rateProblem !== null) {
    return (
      <p className={['rate-note', 'warn', className ?? ''].join(' ').trim()} role="note">
        Amounts are in USD: the exchange rate for {setting.code} is not usable yet (see Currency).
      </p>
    )
  }
  const note = formatRateNote(currency, setting.rateDate)
  if (note === null) return null
  return <p className={['rate-note', className ?? ''].join(' ').trim()}>{note}</p>
}
