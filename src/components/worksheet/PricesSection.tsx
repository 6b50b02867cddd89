import { useId, useState } from 'react'
import { findModel } from '../../domain/priceBook'
import { METER_LABELS } from '../../domain/engine'
import { METERS } from '../../domain/model'
import { formatCountOf, formatUsd } from '../../format/number'
import { parseTypedNumber } from '../../io/numberInput'
import { errorsFor, resultFor, useActivePick } from '../../store/hooks'
import { useWorksheet } from '../../store/worksheet'
import { NumberField } from '../ui/NumberField'
import './worksheet.css'
import { usePriceBook } from '../../store/priceBook'

const DAY_MS = 86_400_000

/** Whole days from an ISO date to today, or null when the date cannot be read. */
function daysSince(isoDate: string, today: Date): number | null {
  const t = Date.parse(`${isoDate}T00:00:00Z`)
  if (Number.isNaN(t)) return null
  const now = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())
  return Math.floor((now - t) / DAY_MS)
}

/** A setting, not part of the worksheet: kept out of undo, validated here. */
function StaleDaysField({ value, onChange }: { value: number; onChange: (n: number) => void }) {
  const [text, setText] = useState<string | undefined>(undefined)
  const n = text === undefined ? value : parseTypedNumber(text)
  const error =
    Number.isInteger(n) && n >= 1 && n <= 3650
      ? undefined
      : 'Enter a whole number of days from 1 to 3,650.'
  return (
    <NumberField
      label="Warn when older than (days)"
      value={value}
      text={text}
      unit="days"
      error={error}
      onType={(t) => {
        setText(t)
        const days = parseTypedNumber(t)
        if (Number.isInteger(days) && days >= 1 && days <= 3650) onChange(days)
      }}
    />
  )
}

export function PricesSection() {
  const book = usePriceBook()
  // Only what this card shows, so a number typed elsewhere in the worksheet does not redraw
  // its fields: React rewrites every input's name and type attributes each time it renders one.
  const { modelId, prices, pricesCheckedOn } = useActivePick((d) => ({
    modelId: d.modelId,
    prices: d.prices,
    pricesCheckedOn: d.pricesCheckedOn,
  }))
  const texts = useActivePick((d) => METERS.map((meter) => d.text?.[`prices.${meter}`]))
  const errors = useActivePick((d) => {
    const byPath = errorsFor(resultFor(d, book))
    return METERS.map((meter) => byPath.get(`prices.${meter}`))
  })
  const typeNumber = useWorksheet((s) => s.typeScenarioNumber)
  const resetPrice = useWorksheet((s) => s.resetPrice)
  const editScenario = useWorksheet((s) => s.editScenario)
  const staleAfterDays = useWorksheet((s) => s.staleAfterDays)
  const setStaleAfterDays = useWorksheet((s) => s.setStaleAfterDays)
  const checkedId = useId()
  const model = findModel(book, modelId)
  if (!model) return null

  const bookAsOf = model.meters.imageOutput.asOf
  const checkedOn = pricesCheckedOn ?? bookAsOf
  const age = daysSince(checkedOn, new Date())
  const stale = age !== null && age > staleAfterDays

  return (
    <section className="card" aria-labelledby="prices-h">
      <h2 id="prices-h">
        <span className="step">3</span> Prices <span className="muted">USD per 1M tokens</span>
      </h2>
      {model.custom ? (
        <p className="lede">
          Defaults for {model.label}
          {model.custom.sourceUrl ? (
            <>
              {' '}
              from{' '}
              <a href={model.custom.sourceUrl} target="_blank" rel="noreferrer">
                its source
              </a>
            </>
          ) : (
            ' as entered'
          )}
          , as of {bookAsOf}.
          {model.output.kind === 'perImage' || model.output.kind === 'perMegapixel'
            ? ` Its images are priced ${model.output.kind === 'perImage' ? 'per image' : 'per megapixel'} by quality (edit the model to change that); these rates price the tokens around them, and Image output only streamed partial images.`
            : ''}{' '}
          Type a negotiated or re-checked rate to override one.
        </p>
      ) : (
        <p className="lede">
          Defaults for {model.id} from{' '}
          <a href={model.meters.imageOutput.sourceUrl} target="_blank" rel="noreferrer">
            OpenAI&apos;s pricing page
          </a>
          , as of {bookAsOf}. Type a negotiated or re-checked rate to override one.
        </p>
      )}
      <div className="grid prices">
        {METERS.map((meter, i) => {
          const fact = model.meters[meter]
          const override = prices?.[meter]
          const label = METER_LABELS[meter]
          return (
            <NumberField
              key={meter}
              label={label}
              unit="$/1M"
              value={override ?? fact.usdPerMillion}
              text={texts[i]}
              error={errors[i]}
              hint={
                override === undefined ? (
                  `Default, ${fact.basis}`
                ) : (
                  <>
                    <span className="badge">Overridden</span> default{' '}
                    {formatUsd(fact.usdPerMillion)}{' '}
                    <button
                      type="button"
                      className="link"
                      aria-label={`Reset ${label} to the default ${formatUsd(fact.usdPerMillion)}`}
                      onClick={() => {
                        resetPrice(meter)
                      }}
                    >
                      Reset
                    </button>
                  </>
                )
              }
              onType={(t) => {
                typeNumber(`prices.${meter}`, t)
              }}
            />
          )
        })}
      </div>
      <div className="grid">
        <div className="field">
          <label htmlFor={checkedId}>Prices checked on</label>
          <input
            id={checkedId}
            type="date"
            value={pricesCheckedOn ?? ''}
            onChange={(e) => {
              editScenario({ pricesCheckedOn: e.target.value }, 'pricesCheckedOn')
            }}
          />
        </div>
        <StaleDaysField value={staleAfterDays} onChange={setStaleAfterDays} />
      </div>
      {stale && (
        <p className="warning" role="note">
          Prices were last checked on {checkedOn}, {formatCountOf(age, 'day')} ago. OpenAI changes
          prices: re-check the pricing page before you publish this budget, then enter today&apos;s
          date above.
        </p>
      )}
    </section>
  )
}
