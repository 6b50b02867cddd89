/**
 * CSV export of scenarios, format version 3 (docs/csv-format.md). Files are
 * untrusted both ways: every text cell a spreadsheet would run as a formula
 * is escaped.
 */
import Papa from 'papaparse'
import { computeScenario } from '../../domain/engine'
import { deliversFinalFlags } from '../../domain/finals'
import type { Meter, Scenario } from '../../domain/model'
import type { PriceBook } from '../../domain/priceBook'
import { findModel } from '../../domain/priceBook'
import { CSV_COLUMNS, CSV_FORMAT_VERSION, FORMULA_START } from './format'
import { customModelCell } from './customModels'

type Cell = string | number | boolean

/**
 * Finite numbers pass as numbers, which papaparse never escapes; NaN and
 * ±Infinity pass as text, so "-Infinity" is escaped like any text.
 */
const num = (n: number): Cell => (Number.isFinite(n) ? n : String(n))
const optionalNum = (n: number | null | undefined): Cell => (n == null ? '' : num(n))

/**
 * The scenarios as CSV format version 3: a UTF-8 byte-order mark (so Excel
 * on Windows reads accented names as UTF-8), one row per stage, CRLF line
 * endings (after the last row too), every number at full precision
 * (`String(n)`). Every row carries the five prices it is computed with and
 * every stage its delivers_final, so the file computes the same totals in
 * any app whatever its defaults. Computed results fill the last six columns
 * (blank when a scenario does not compute). Text cells that start like a
 * formula get a leading ' so a spreadsheet shows them as text (see
 * FORMULA_START). Give scenarios distinct names (the worksheet keeps them
 * so): rows of same-named scenarios merge on import. A scenario without
 * stages has no rows.
 * @example exportScenariosCsv([defaultScenario()], book).split('\r\n').length // 4: header, 2 stages, ''
 */
export function exportScenariosCsv(scenarios: readonly Scenario[], book: PriceBook): string {
  const data: Cell[][] = []
  for (const s of scenarios) {
    const result = computeScenario(s, book)
    const spec = findModel(book, s.modelId)
    // The override, else the model's list price; blank only for a model this book lacks.
    const price = (m: Meter): Cell => optionalNum(s.prices?.[m] ?? spec?.meters[m].usdPerMillion)
    const finals = deliversFinalFlags(s.stages)
    const definition = spec?.custom?.definition
    const modelCell = definition ? customModelCell(definition) : ''
    s.stages.forEach((st, i) => {
      const r = result.ok ? result.stages[i] : undefined
      data.push([
        CSV_FORMAT_VERSION,
        s.name,
        s.modelId,
        num(s.jobsPerMonth),
        s.batch,
        price('textInput'),
        price('cachedTextInput'),
        price('imageInput'),
        price('cachedImageInput'),
        price('imageOutput'),
        s.pricesCheckedOn ?? '',
        optionalNum(s.usersPerMonth),
        optionalNum(s.maxImagesPerUser),
        optionalNum(s.monthlyGrowth),
        s.startMonth ?? '',
        st.name,
        st.quality,
        st.autoBilledAs,
        `${String(st.width)}x${String(st.height)}`,
        num(st.imagesPerJob),
        num(st.outputsPerRequest),
        num(st.reachShare),
        num(st.retryMultiplier),
        num(st.promptTokens),
        num(st.referenceImages),
        num(st.referenceImageTokens),
        num(st.cachedInputShare),
        num(st.partialImages),
        finals[i] ?? false,
        optionalNum(r?.outputTokensPerImage),
        optionalNum(r?.costUsd),
        optionalNum(result.monthlyCostUsd),
        optionalNum(result.ok ? result.costPerJobUsd : null),
        optionalNum(result.ok ? result.costPerKeptImageUsd : null),
        optionalNum(result.ok ? result.costPerDeliveredImageUsd : null),
        modelCell,
      ])
    })
  }
  // Ends with a line break, as spreadsheets write files, so appending rows works.
  const csv = Papa.unparse(
    { fields: [...CSV_COLUMNS], data },
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  )
  return `\ufeff${csv}\r\n`
}
