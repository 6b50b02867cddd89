import { memo, Suspense, lazy, useState } from 'react'
import type { CustomModel } from '../../domain/customModels'
import { customModelId, namesInUse, PRICED_BY_LABELS } from '../../domain/customModels'
import { usePriceBook } from '../../store/priceBook'
import { useWorksheet } from '../../store/worksheet'
import './models.css'

// The form opens on "Add a model…" or Edit: it loads then, not with the first paint.
const ModelDialog = lazy(() => import('./ModelDialog').then((m) => ({ default: m.ModelDialog })))

function localIsoDate(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`
}

/**
 * The worksheet's custom models: "Add a model…", and each model with Edit and
 * Remove. Removing is undoable; scenarios on a removed model keep it and say so.
 */
// memo: it sits in the scenario card, which redraws for every digit typed into it.
export const CustomModels = memo(function CustomModels() {
  const models = useWorksheet((s) => s.customModels)
  const add = useWorksheet((s) => s.addCustomModel)
  const update = useWorksheet((s) => s.updateCustomModel)
  const remove = useWorksheet((s) => s.removeCustomModel)
  const book = usePriceBook()
  const [open, setOpen] = useState<{ editing: CustomModel | null } | null>(null)

  return (
    <div className="custom-models">
      <button
        type="button"
        onClick={() => {
          setOpen({ editing: null })
        }}
      >
        Add a model…
      </button>
      {models.length > 0 && (
        <ul className="custom-model-list" aria-label="Custom models">
          {models.map((m) => (
            <li key={m.id}>
              <span>
                <strong>{m.name}</strong> <span className="tag">custom</span>{' '}
                <span className="hint">
                  by {PRICED_BY_LABELS[m.pricedBy].toLowerCase()}, as of {m.asOf}
                  {m.sourceUrl && (
                    <>
                      {' · '}
                      <a href={m.sourceUrl} target="_blank" rel="noreferrer noopener">
                        source
                      </a>
                    </>
                  )}
                </span>
              </span>
              <span className="custom-model-actions">
                <button
                  type="button"
                  aria-label={`Edit ${m.name}`}
                  onClick={() => {
                    setOpen({ editing: m })
                  }}
                >
                  Edit
                </button>
                <button
                  type="button"
                  aria-label={`Remove ${m.name}`}
                  onClick={() => {
                    remove(m.id)
                  }}
                >
                  Remove
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {open && (
        <Suspense fallback={null}>
          <ModelDialog
            editing={open.editing}
            others={namesInUse(book, models, open.editing?.id ?? null)}
            newId={(name) =>
              customModelId(
                name,
                models.map((m) => m.id),
              )
            }
            today={localIsoDate(new Date())}
            onSave={(model) => {
              if (open.editing) update(model)
              else add(model)
              setOpen(null)
            }}
            onClose={() => {
              setOpen(null)
            }}
          />
        </Suspense>
      )}
    </div>
  )
})
