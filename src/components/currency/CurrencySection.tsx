import { useId } from 'react'
import { currencyChoices } from '../../domain/currency'
import { useWorksheet } from '../../store/worksheet'
import { useCurrencySetting, useResolvedCurrency } from '../../store/useCurrency'
import { RateNote } from './RateNote'
import './currency.css'

// Built once: Intl's list does not change while the page is open.
let choices: string[] | null = null
function allChoices(): string[] {
  choices ??= currencyChoices(
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [],
  )
  return choices
}

const names = (() => {
  try {
    return new Intl.DisplayNames(undefined, { type: 'currency' })
  } catch {
    return null
  }
})()

const nameOf = (code: string) => {
  const name = names?.of(code)
  return name && name !== code ? `${code} (${name})` : code
}

/**
 * Where the worksheet's currency is set, once for every amount shown. Prices
 * are still typed in USD: only how amounts read changes.
 */
export function CurrencySection() {
  const setting = useCurrencySetting()
  const { rateProblem } = useResolvedCurrency()
  const setCurrency = useWorksheet((s) => s.setCurrency)
  const codeId = useId()
  const rateId = useId()
  const dateId = useId()
  const list = allChoices()
  const options = list.includes(setting.code) ? list : [setting.code, ...list]
  const usd = setting.code === 'USD'
  const problemId = `${rateId}-error`
  const hintId = `${rateId}-hint`

  return (
    <section className="card currency" aria-labelledby="currency-h">
      <h2 id="currency-h">Currency</h2>
      <p className="lede">
        Show every amount in your currency at the rate you choose. Prices are still entered, and CSV
        files written, in USD.
      </p>
      <div className="grid">
        <div className="field">
          <label htmlFor={codeId}>Currency</label>
          <select
            id={codeId}
            value={setting.code}
            onChange={(e) => {
              setCurrency({ code: e.target.value })
            }}
          >
            {options.map((code) => (
              <option key={code} value={code}>
                {nameOf(code)}
              </option>
            ))}
          </select>
        </div>
        <div className={['field', !usd && rateProblem ? 'invalid' : ''].join(' ').trim()}>
          <label htmlFor={rateId}>Exchange rate (per USD)</label>
          <div className="input-wrap">
            <input
              id={rateId}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              spellCheck={false}
              value={setting.rate}
              disabled={usd}
              aria-invalid={!usd && rateProblem ? true : undefined}
              aria-describedby={[!usd && rateProblem ? problemId : '', hintId].join(' ').trim()}
              onChange={(e) => {
                setCurrency({ rate: e.target.value })
              }}
            />
            <span className="unit" aria-hidden="true">
              {setting.code}
            </span>
          </div>
          {!usd && rateProblem && (
            <p id={problemId} className="error-text">
              {rateProblem}
            </p>
          )}
          <p id={hintId} className="hint">
            {usd ? 'Not needed in USD.' : `1 USD = this many ${setting.code}.`}
          </p>
        </div>
        <div className="field">
          <label htmlFor={dateId}>Rate date</label>
          <input
            id={dateId}
            type="date"
            value={setting.rateDate}
            disabled={usd}
            onChange={(e) => {
              setCurrency({ rateDate: e.target.value })
            }}
          />
        </div>
      </div>
      {/* A rate that cannot be used is explained at its field above. */}
      {rateProblem === null && <RateNote />}
    </section>
  )
}
