import { memo, useId } from 'react'
import type { StageDraft } from '../../domain/draft'
import type { BilledQuality, Quality } from '../../domain/model'
import { BILLED_QUALITIES, QUALITIES } from '../../domain/model'
import type { ModelSpec } from '../../domain/priceBook'
import { madeSizes } from '../../domain/engine'
import { PERCENT_STAGE_FIELDS } from '../../domain/validate'
import type { StageNumberField } from '../../domain/validate'
import { formatCount } from '../../format/number'
import { PICKER_SIZES, RETRY_QUICK_PICKS } from '../../presets/sizes'
import { sameErrorsUnder, useActiveResult } from '../../store/hooks'
import { useWorksheet } from '../../store/worksheet'
import { NumberField } from '../ui/NumberField'
import { stageTitle } from '../ui/names'
import './worksheet.css'
import { useMoney } from '../currency/useMoney'

interface Props {
  stage: StageDraft
  index: number
  count: number
  model: ModelSpec | undefined
  errors: ReadonlyMap<string, string>
  notices: string
  /** The stage's own flag, or what the default rule makes of it (see domain/finals.ts). */
  deliversFinal: boolean
}

const QUALITY_HINT: Record<Quality, string> = {
  low: 'Thumbnails, ideation, prompt tests: cheap drafts meant to be thrown away.',
  medium: 'The production baseline: product cards, blog visuals, listings.',
  high: 'Finals only, after approval: launch pages, paid ads, flagship heroes.',
  auto: 'The model picks; budget it as an assumption (high is the safe ceiling).',
}

function sizeOptions(model: ModelSpec | undefined) {
  // A table model, or a custom model with its list: only the sizes it makes.
  const made = model ? madeSizes(model) : null
  if (made) {
    return made.map((key) => {
      const [w, h] = key.split('x').map(Number) as [number, number]
      return { width: w, height: h, label: '' }
    })
  }
  return PICKER_SIZES
}

/** This stage's line of results. It alone follows edits made elsewhere (jobs per month, prices). */
function StageSummary({ index, id }: { index: number; id: string }) {
  const money = useMoney()
  const result = useActiveResult()
  const r = result.ok ? result.stages[index] : undefined
  return (
    <p id={id} className="stage-summary">
      {r ? (
        <>
          <strong>{money.format(r.costUsd)}</strong> a month · {formatCount(r.billableImages)}{' '}
          billed images
          {/* A model billed per image or per megapixel counts no output tokens. */}
          {r.outputTokensPerImage > 0 &&
            ` · ${formatCount(r.outputTokensPerImage)} output tokens each`}
          {r.costPerBillableImageUsd !== null &&
            ` · ${money.format(r.costPerBillableImageUsd)} per image`}
        </>
      ) : (
        'Incomplete: fix the fields marked below.'
      )}
    </p>
  )
}

/**
 * Re-rendered only when something it shows changes: typing a digit elsewhere
 * used to redraw every stage's 15 fields and made typing lag (npm run bench).
 */
export const StageCard = memo(
  StageCardFields,
  (a, b) =>
    a.stage === b.stage &&
    a.index === b.index &&
    a.count === b.count &&
    a.model === b.model &&
    a.notices === b.notices &&
    a.deliversFinal === b.deliversFinal &&
    sameErrorsUnder(a.errors, b.errors, `stages.${a.index}.`),
)

function StageCardFields({ stage, index, count, model, errors, notices, deliversFinal }: Props) {
  const editStage = useWorksheet((s) => s.editStage)
  const typeNumber = useWorksheet((s) => s.typeStageNumber)
  const moveStage = useWorksheet((s) => s.moveStage)
  const removeStage = useWorksheet((s) => s.removeStage)
  const uid = useId()
  const title = stageTitle(stage.name, index)
  const path = (field: string) => `stages.${index}.${field}`
  const sizeError = errors.get(path('size'))
  const options = sizeOptions(model)
  const sizeValue = options.some((o) => o.width === stage.width && o.height === stage.height)
    ? `${stage.width}x${stage.height}`
    : 'custom'

  const numberField = (
    field: StageNumberField,
    label: string,
    extra: { unit?: string; hint?: string } = {},
  ) => (
    <NumberField
      id={`${uid}-${field}`}
      label={label}
      value={stage[field]}
      text={stage.text?.[field]}
      percent={PERCENT_STAGE_FIELDS.has(field)}
      error={errors.get(path(field))}
      {...extra}
      onType={(t) => {
        typeNumber(stage.id, field, t)
      }}
    />
  )

  return (
    <fieldset className="card stage" aria-describedby={`${uid}-summary`}>
      <legend className="stage-legend">{title}</legend>
      <div className="stage-head">
        <div className="field">
          <label htmlFor={`${uid}-name`}>Stage name</label>
          <input
            id={`${uid}-name`}
            type="text"
            value={stage.name}
            onChange={(e) => {
              editStage(stage.id, { name: e.target.value }, 'name')
            }}
          />
        </div>
        <div className="stage-actions">
          <button
            type="button"
            className="icon"
            aria-label={`Move ${title} up`}
            disabled={index === 0}
            onClick={() => {
              moveStage(stage.id, -1)
            }}
          >
            ↑
          </button>
          <button
            type="button"
            className="icon"
            aria-label={`Move ${title} down`}
            disabled={index === count - 1}
            onClick={() => {
              moveStage(stage.id, 1)
            }}
          >
            ↓
          </button>
          <button
            type="button"
            className="icon danger"
            aria-label={`Remove ${title}`}
            onClick={() => {
              removeStage(stage.id)
            }}
          >
            ✕
          </button>
        </div>
      </div>
      <StageSummary index={index} id={`${uid}-summary`} />
      <div className="field checkbox">
        <input
          id={`${uid}-final`}
          type="checkbox"
          checked={deliversFinal}
          aria-describedby={`${uid}-final-hint`}
          onChange={(e) => {
            editStage(stage.id, { deliversFinal: e.target.checked })
          }}
        />
        <label htmlFor={`${uid}-final`}>Delivers final images</label>
        <p id={`${uid}-final-hint`} className="hint">
          {stage.deliversFinal === undefined
            ? 'Ticked by default on the last stage and its same-quality variants. '
            : ''}
          The images kept here count toward the cost per delivered image.
        </p>
      </div>

      <h3 className="sub">Output</h3>
      <div className="grid">
        <div className="field">
          <label htmlFor={`${uid}-quality`}>Quality</label>
          <select
            id={`${uid}-quality`}
            value={stage.quality}
            aria-describedby={`${uid}-quality-hint`}
            onChange={(e) => {
              editStage(stage.id, { quality: e.target.value as Quality })
            }}
          >
            {QUALITIES.map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </select>
          <p id={`${uid}-quality-hint`} className="hint">
            {QUALITY_HINT[stage.quality]}
          </p>
        </div>
        {stage.quality === 'auto' && (
          <div className="field">
            <label htmlFor={`${uid}-auto`}>Bill auto as</label>
            <select
              id={`${uid}-auto`}
              value={stage.autoBilledAs}
              onChange={(e) => {
                editStage(stage.id, { autoBilledAs: e.target.value as BilledQuality })
              }}
            >
              {BILLED_QUALITIES.map((q) => (
                <option key={q} value={q}>
                  {q}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className={sizeError ? 'field invalid' : 'field'}>
          <label htmlFor={`${uid}-size`}>Size</label>
          <select
            id={`${uid}-size`}
            value={sizeValue}
            aria-invalid={sizeError ? true : undefined}
            aria-describedby={sizeError ? `${uid}-size-error` : undefined}
            onChange={(e) => {
              if (e.target.value === 'custom') {
                document.getElementById(`${uid}-width`)?.focus()
                return
              }
              const [width, height] = e.target.value.split('x').map(Number) as [number, number]
              editStage(stage.id, { width, height })
            }}
          >
            {options.map((o) => (
              <option key={`${o.width}x${o.height}`} value={`${o.width}x${o.height}`}>
                {o.width}x{o.height}
                {o.label && ` ${o.label}`}
              </option>
            ))}
            <option value="custom">Custom (type width and height)</option>
          </select>
          {sizeError && (
            <p id={`${uid}-size-error`} className="error-text">
              {sizeError}
            </p>
          )}
          {notices && <p className="hint warn">{notices}</p>}
        </div>
        {numberField('width', 'Width', { unit: 'px' })}
        {numberField('height', 'Height', { unit: 'px' })}
        {numberField('partialImages', 'Partial images', {
          hint: 'Streamed previews, 0 to 3; each adds 100 output tokens.',
        })}
      </div>

      <h3 className="sub">Volume</h3>
      <div className="grid">
        {numberField('imagesPerJob', 'Images per job', {
          hint: 'API requests for each job that reaches this stage.',
        })}
        {numberField('outputsPerRequest', 'Outputs per request', {
          hint: 'n: images per request, 1 to 10. Each is billed, input included.',
        })}
        {numberField('reachShare', 'Share of jobs reaching this stage', {
          hint: 'Below 100% when an approval gate comes first.',
        })}
        <NumberField
          id={`${uid}-retryMultiplier`}
          className="span2"
          label="Retry multiplier"
          value={stage.retryMultiplier}
          text={stage.text?.retryMultiplier}
          error={errors.get(path('retryMultiplier'))}
          unit="×"
          hint="Billed attempts per kept image. Measure it from your logs; until then, start from:"
          onType={(t) => {
            typeNumber(stage.id, 'retryMultiplier', t)
          }}
        >
          <div
            className="picks"
            role="group"
            aria-label={`Retry multiplier quick picks for ${title}`}
          >
            {RETRY_QUICK_PICKS.map((p) => (
              <button
                key={p.label}
                type="button"
                className="chip"
                aria-pressed={stage.retryMultiplier === p.value && !stage.text?.retryMultiplier}
                onClick={() => {
                  editStage(stage.id, { retryMultiplier: p.value })
                }}
              >
                {p.label}: {formatCount(p.value)}×
              </button>
            ))}
          </div>
        </NumberField>
      </div>

      <h3 className="sub">Input</h3>
      <div className="grid">
        {numberField('promptTokens', 'Prompt tokens', {
          unit: 'tokens',
          hint: 'Text tokens per generated image; add about 6 tokens of overhead (estimate).',
        })}
        {numberField('referenceImages', 'Reference images', {
          hint: 'Input images per request for edits, 0 to 16.',
        })}
        {numberField('referenceImageTokens', 'Tokens per reference image', {
          unit: 'tokens',
          hint: 'Estimate: about 1,024 for 1024x1024, at most about 1,536.',
        })}
        {numberField('cachedInputShare', 'Cached input share', {
          hint: 'Cached rates apply only through the Responses API.',
        })}
      </div>
    </fieldset>
  )
}
