import { useEffect, useId, useRef, useState } from 'react'
import type { ReactNode, Ref } from 'react'
import type { CustomModel, ModelProblem, PricedBy } from '../../domain/customModels'
import { INPUT_METERS, PRICED_BY, PRICED_BY_LABELS, parseSizeList } from '../../domain/customModels'
import type { BilledQuality, Meter } from '../../domain/model'
import { BILLED_QUALITIES } from '../../domain/model'
import { METER_LABELS } from '../../domain/engine'
import { formFromModel, blankForm, modelFromForm } from './modelForm'
import type { ModelFormText } from './modelForm'
import './models.css'

const QUALITY_WORD: Record<BilledQuality, string> = { low: 'Low', medium: 'Medium', high: 'High' }

interface Props {
  /** The model being edited; null adds a new one. */
  editing: CustomModel | null
  /** The id a new model gets (the caller knows which are taken). */
  newId: (name: string) => string
  /** Names the model must not take. */
  others: readonly string[]
  today: string
  onSave: (model: CustomModel) => void
  onClose: () => void
}

function Field({
  id,
  label,
  problem,
  hint,
  children,
  wide,
}: {
  id: string
  label: string
  problem: string | undefined
  hint?: ReactNode
  children: (describedBy: string | undefined) => ReactNode
  wide?: boolean | undefined
}) {
  const describedBy =
    [problem ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') ||
    undefined
  return (
    <div className={['field', wide ? 'wide' : '', problem ? 'invalid' : ''].join(' ').trim()}>
      <label htmlFor={id}>{label}</label>
      {children(describedBy)}
      {problem && (
        <p id={`${id}-error`} className="error-text">
          {problem}
        </p>
      )}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
    </div>
  )
}

/** A text box in a `Field`: every box of the form but the Priced by choice and the token table. */
function TextField({
  id,
  label,
  problem,
  hint,
  wide,
  value,
  onText,
  inputMode,
  placeholder,
  unit,
  inputRef,
}: {
  id: string
  label: string
  problem: string | undefined
  hint?: ReactNode
  wide?: boolean
  value: string
  onText: (text: string) => void
  inputMode?: 'decimal' | 'url'
  placeholder?: string | undefined
  /** Shown inside the box's right edge, as the worksheet's number boxes show theirs. */
  unit?: string
  inputRef?: Ref<HTMLInputElement>
}) {
  return (
    <Field id={id} label={label} problem={problem} hint={hint} wide={wide}>
      {(describedBy) => {
        const input = (
          <input
            ref={inputRef}
            id={id}
            type="text"
            inputMode={inputMode}
            autoComplete="off"
            placeholder={placeholder}
            value={value}
            aria-invalid={problem ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => {
              onText(e.target.value)
            }}
          />
        )
        return unit === undefined ? (
          input
        ) : (
          <div className="input-wrap">
            {input}
            <span className="unit" aria-hidden="true">
              {unit}
            </span>
          </div>
        )
      }}
    </Field>
  )
}

/**
 * "Add a model…": a modal form for a model the price book does not know.
 * Focus moves into it on open, stays in it while open (Tab wraps), and goes
 * back to what opened it on close; Escape closes it without saving. Every
 * problem is shown at its field on Save, and the form keeps what was typed.
 */
export function ModelDialog({ editing, newId, others, today, onSave, onClose }: Props) {
  const base = useId()
  const titleId = `${base}-title`
  const [form, setForm] = useState<ModelFormText>(() =>
    editing ? formFromModel(editing) : blankForm(today),
  )
  const [problems, setProblems] = useState<ModelProblem[] | null>(null)
  const dialog = useRef<HTMLDialogElement>(null)
  const first = useRef<HTMLInputElement>(null)

  useEffect(() => {
    const opener = document.activeElement
    // Modal in the browser's top layer: the page behind is inert until it closes.
    if (dialog.current && !dialog.current.open) dialog.current.showModal()
    first.current?.focus()
    return () => {
      if (opener instanceof HTMLElement) opener.focus()
    }
  }, [])

  const problemAt = (field: string): string | undefined =>
    problems
      ?.filter((p) => p.field === field)
      .map((p) => p.message)
      .join(' ') || undefined
  const set = (patch: Partial<ModelFormText>) => {
    setForm((f) => ({ ...f, ...patch }))
  }
  const fid = (field: string) => `${base}-${field.replace(/[^a-zA-Z0-9]/g, '-')}`

  const save = () => {
    const id = editing?.id ?? newId(form.name)
    const { model, problems: found } = modelFromForm(form, id, others)
    if (found.length > 0) {
      setProblems(found)
      // The first field with a problem takes focus, so a screen reader hears why.
      const field = found[0]?.field ?? ''
      requestAnimationFrame(() => {
        document.getElementById(fid(field))?.focus()
      })
      return
    }
    onSave(model)
  }

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      // Closed here rather than by the dialog's own cancel, so it closes the same way everywhere.
      e.preventDefault()
      e.stopPropagation()
      onClose()
      return
    }
    if (e.key !== 'Tab' || !dialog.current) return
    const focusable = dialog.current.querySelectorAll<HTMLElement>(
      'input, select, button, textarea, [href]',
    )
    const firstEl = focusable[0]
    const lastEl = focusable[focusable.length - 1]
    if (e.shiftKey && document.activeElement === firstEl) {
      e.preventDefault()
      lastEl?.focus()
    } else if (!e.shiftKey && document.activeElement === lastEl) {
      e.preventDefault()
      firstEl?.focus()
    }
  }

  const tokens = form.pricedBy === 'tokens'
  const unit = form.pricedBy === 'image' ? 'per image' : 'per megapixel'
  const tableSizes = parseSizeList(form.sizes).sizes
  const meterField = (meter: Meter, optional: boolean) => {
    const id = fid(`meters.${meter}`)
    const problem = problemAt(`meters.${meter}`)
    return (
      <TextField
        key={meter}
        id={id}
        label={`${METER_LABELS[meter]} price`}
        problem={problem}
        inputMode="decimal"
        placeholder={optional ? 'not billed' : undefined}
        unit="$/1M tokens"
        value={form.meters[meter]}
        onText={(t) => {
          set({ meters: { ...form.meters, [meter]: t } })
        }}
      />
    )
  }

  return (
    <dialog
      ref={dialog}
      className="model-dialog"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
    >
      <h2 id={titleId}>{editing ? `Edit ${editing.name}` : 'Add a model'}</h2>
      <p className="lede">
        A model the price book does not know, at the prices on its provider’s page or in your quote,
        in USD.
      </p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          save()
        }}
      >
        <div className="grid">
          <TextField
            inputRef={first}
            id={fid('name')}
            label="Model name"
            problem={problemAt('name')}
            wide
            value={form.name}
            onText={(t) => {
              set({ name: t })
            }}
          />
          <Field id={fid('pricedBy')} label="Priced by" problem={problemAt('pricedBy')}>
            {(describedBy) => (
              <select
                id={fid('pricedBy')}
                value={form.pricedBy}
                aria-describedby={describedBy}
                onChange={(e) => {
                  set({ pricedBy: e.target.value as PricedBy })
                }}
              >
                {PRICED_BY.map((p) => (
                  <option key={p} value={p}>
                    {PRICED_BY_LABELS[p]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TextField
            id={fid('sizes')}
            label="Sizes it makes"
            problem={problemAt('sizes')}
            hint="Width x height in pixels, separated by commas, e.g. 1024x1024, 1536x1024."
            wide
            value={form.sizes}
            onText={(t) => {
              set({ sizes: t })
            }}
          />
        </div>

        {!tokens && (
          <fieldset className="model-group">
            <legend>Price {unit}, by quality (USD)</legend>
            <div className="grid">
              {BILLED_QUALITIES.map((q) => {
                const id = fid(`qualityPrices.${q}`)
                const problem = problemAt(`qualityPrices.${q}`)
                return (
                  <TextField
                    key={q}
                    id={id}
                    label={`${QUALITY_WORD[q]} price ${unit}`}
                    problem={problem}
                    inputMode="decimal"
                    unit="$"
                    value={form.quality[q]}
                    onText={(t) => {
                      set({ quality: { ...form.quality, [q]: t } })
                    }}
                  />
                )
              })}
            </div>
            {form.pricedBy === 'megapixel' && (
              <p className="hint">
                Megapixels are width x height / 1,000,000: 1536x1024 is 1.572864 MP.
              </p>
            )}
          </fieldset>
        )}

        <fieldset className="model-group">
          <legend>
            {tokens
              ? 'Prices per 1M tokens (USD)'
              : 'Input token prices (optional: leave empty when not billed)'}
          </legend>
          <div className="grid">
            {(tokens ? (['imageOutput', ...INPUT_METERS] as Meter[]) : INPUT_METERS).map((m) =>
              meterField(m, !tokens),
            )}
          </div>
        </fieldset>

        {tokens && (
          <fieldset className="model-group">
            <legend>Output tokens per image</legend>
            <div className="choice-row">
              <label>
                <input
                  type="radio"
                  name={`${base}-rule`}
                  checked={form.tokenRule === 'gpt-image-2'}
                  onChange={() => {
                    set({ tokenRule: 'gpt-image-2' })
                  }}
                />{' '}
                By the gpt-image-2 size rule
              </label>
              <label>
                <input
                  type="radio"
                  name={`${base}-rule`}
                  checked={form.tokenRule === 'table'}
                  onChange={() => {
                    set({ tokenRule: 'table' })
                  }}
                />{' '}
                From a table I fill in
              </label>
            </div>
            {problemAt('tokenRule') && <p className="error-text">{problemAt('tokenRule')}</p>}
            {form.tokenRule === 'table' &&
              (tableSizes.length === 0 ? (
                <p className="hint">List the sizes it makes first; the table has a row for each.</p>
              ) : (
                <div className="token-table-wrap">
                  <table className="token-table">
                    <caption>Output tokens of one image, from the provider’s page</caption>
                    <thead>
                      <tr>
                        <th scope="col">Size</th>
                        {BILLED_QUALITIES.map((q) => (
                          <th key={q} scope="col">
                            {QUALITY_WORD[q]}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {tableSizes.map((size) => (
                        <tr key={size}>
                          <th scope="row">{size}</th>
                          {BILLED_QUALITIES.map((q) => {
                            const field = `tokenTable.${size}.${q}`
                            const problem = problemAt(field)
                            const row = form.table[size] ?? { low: '', medium: '', high: '' }
                            return (
                              <td key={q}>
                                <input
                                  id={fid(field)}
                                  type="text"
                                  inputMode="numeric"
                                  autoComplete="off"
                                  aria-label={`Output tokens, ${q}, ${size}`}
                                  value={row[q]}
                                  aria-invalid={problem ? true : undefined}
                                  aria-describedby={problem ? `${fid(field)}-error` : undefined}
                                  onChange={(e) => {
                                    set({
                                      table: {
                                        ...form.table,
                                        [size]: { ...row, [q]: e.target.value },
                                      },
                                    })
                                  }}
                                />
                                {problem && (
                                  <p id={`${fid(field)}-error`} className="error-text">
                                    {problem}
                                  </p>
                                )}
                              </td>
                            )
                          })}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ))}
          </fieldset>
        )}

        <div className="grid">
          <TextField
            id={fid('sourceUrl')}
            label="Source URL"
            problem={problemAt('sourceUrl')}
            wide
            inputMode="url"
            placeholder="https://"
            value={form.sourceUrl}
            onText={(t) => {
              set({ sourceUrl: t })
            }}
          />
          <TextField
            id={fid('asOf')}
            label="As of"
            problem={problemAt('asOf')}
            hint="The date the prices were read or quoted, YYYY-MM-DD."
            value={form.asOf}
            onText={(t) => {
              set({ asOf: t })
            }}
          />
        </div>
        {problems && problems.length > 0 && (
          <p className="error-text" role="alert">
            {problems.length === 1
              ? 'One field needs fixing before the model can be saved.'
              : `${problems.length} fields need fixing before the model can be saved.`}
          </p>
        )}
        <div className="model-actions">
          <button type="submit" className="primary">
            Save
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  )
}
