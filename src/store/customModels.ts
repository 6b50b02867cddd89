import type { CustomModel } from '../domain/customModels'
import { recordEdits } from './history'
import type { Slice } from './state'

/**
 * The models the person added to the worksheet (domain/customModels.ts).
 * Adding, editing and removing one is undoable like any edit of the
 * worksheet. Removing a model leaves the scenarios that use it as they are:
 * their Model field then says the model was removed, and undo brings it back.
 * The form validates a model before it gets here.
 */
export interface CustomModelsSlice {
  customModels: CustomModel[]
  addCustomModel: (model: CustomModel) => void
  /** Replaces the model with the same id. */
  updateCustomModel: (model: CustomModel) => void
  removeCustomModel: (id: string) => void
}

export const createCustomModelsSlice: Slice<CustomModelsSlice> = (set, get) => {
  const record = recordEdits(set, get)
  const models = (s: { customModels?: CustomModel[] }) => s.customModels ?? []
  return {
    customModels: [],

    addCustomModel: (model) => {
      record((s) => ({ ...s, customModels: [...models(s), model] }))
    },

    updateCustomModel: (model) => {
      record((s) => {
        if (!models(s).some((m) => m.id === model.id)) return s
        return { ...s, customModels: models(s).map((m) => (m.id === model.id ? model : m)) }
      })
    },

    removeCustomModel: (id) => {
      record((s) => {
        if (!models(s).some((m) => m.id === id)) return s
        return { ...s, customModels: models(s).filter((m) => m.id !== id) }
      })
    },
  }
}
