/**
 * Custom models in a CSV file (format version 3): the `custom_model` cell of
 * a scenario's rows holds its model's definition as JSON, the `model` cell
 * its id. Read here once per scenario, validated as the form validates, and
 * added to the book the file's scenarios are checked against.
 */
import type { CustomModel } from '../../domain/customModels'
import { isCustomModelId, withCustomModels } from '../../domain/customModels'
import type { PriceBook } from '../../domain/priceBook'
import { show } from '../cells'
import { readCustomModel } from '../customModelsSchema'
import type { CsvProblem } from './format'
import type { RowTable } from './rowTable'
import type { Group } from './scenarios'
import { addError } from './scenarios'

/** What a definition cell holds: the model without its id, which is in the `model` cell. */
export function customModelCell(model: CustomModel): string {
  const { id: _id, ...rest } = model
  return JSON.stringify(rest)
}

/**
 * The custom models the file defines, and `book` with them. A scenario whose
 * definition cannot be used gets an error on its first row, in the
 * custom_model column, saying why; other scenarios still import.
 */
export function readFileModels(
  groups: readonly Group[],
  book: PriceBook,
  table: RowTable,
  rowProblems: CsvProblem[],
): { book: PriceBook; models: CustomModel[]; failed: ReadonlySet<Group> } {
  const models: CustomModel[] = []
  const failed = new Set<Group>()
  const firstRowOf = new Map<string, number>()
  const reserved = Object.values(book)
    .filter((s) => !s.custom)
    .map((s) => s.label)
  for (const group of groups) {
    const text = group.customModel
    const custom = isCustomModelId(group.modelId)
    if (text === undefined && !custom) continue
    const row = table.row[group.first] as number
    const fail = (message: string) => {
      const problem: CsvProblem = { row, column: 'custom_model', message, severity: 'error' }
      rowProblems.push(problem)
      addError(group, problem)
      failed.add(group)
    }
    if (text === undefined) {
      fail(
        `model ${show(group.modelId)} is a custom model, but the scenario's rows have no custom_model cell describing it; export the file again from the worksheet that has the model.`,
      )
      continue
    }
    if (!custom) {
      fail(
        `custom_model describes a model, but model ${show(group.modelId)} is not a custom model's id (those start with "custom-"); leave custom_model blank for a price-book model.`,
      )
      continue
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      fail(
        'custom_model is not readable: it must be the model as JSON, as this app exports it (see docs/csv-format.md).',
      )
      continue
    }
    const raw = typeof json === 'object' && json !== null ? { ...json, id: group.modelId } : json
    const others = [...reserved, ...models.filter((m) => m.id !== group.modelId).map((m) => m.name)]
    const read = readCustomModel(raw, others)
    if (!read.ok) {
      fail(`custom_model cannot be used: ${read.reason.replace(/\.?$/, '.')}`)
      continue
    }
    const earlier = models.find((m) => m.id === read.model.id)
    if (earlier) {
      if (JSON.stringify(earlier) !== JSON.stringify(read.model)) {
        fail(
          `custom_model describes ${group.modelId} differently from row ${String(firstRowOf.get(earlier.id))}; a model must be described the same way wherever it is used.`,
        )
      }
      continue
    }
    models.push(read.model)
    firstRowOf.set(read.model.id, row)
  }
  return { book: withCustomModels(book, models), models, failed }
}
