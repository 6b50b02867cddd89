// Browser benchmark page for CSV import: built by bench/browser.mjs, never shipped.
import Papa from 'papaparse'
import { exportScenariosCsv } from '../../src/io/csv/export'
import { importScenariosCsv } from '../../src/io/csv/import'
import { PRICE_BOOK } from '../../src/presets/priceBook'
import { presetScenario, USE_CASE_PRESET_IDS } from '../../src/presets/useCases'
import type { Scenario } from '../../src/domain/model'

/** About `rows` stage rows: presets cycled, each copy renamed so scenarios stay distinct. */
function makeCsv(rows: number): string {
  const scenarios: Scenario[] = []
  let count = 0
  for (let i = 0; count < rows; i++) {
    const id = USE_CASE_PRESET_IDS[i % USE_CASE_PRESET_IDS.length]
    if (!id) break
    const s = presetScenario(id)
    s.name = `${s.name} #${i}`
    scenarios.push(s)
    count += s.stages.length
  }
  return exportScenariosCsv(scenarios, PRICE_BOOK)
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? Number.NaN
}

declare global {
  interface Window {
    runCsvBench: (
      rows: number,
      runs: number,
    ) => { rows: number; bareMs: number; importMs: number; ratio: number; scenarios: number }
  }
}

const WARM_UPS = 8

window.runCsvBench = (rows, runs) => {
  const text = makeCsv(rows)
  const bareParse = () => Papa.parse<string[]>(text, { header: false, skipEmptyLines: true })
  const fullImport = () => importScenariosCsv(text, PRICE_BOOK).scenarios.length
  // Warm-up, not measured: the first calls include compiling both code paths,
  // and on two cores the optimising compiler needs several calls to catch up
  // (with 2 warm-ups, the first measured imports still ran at twice the time).
  for (let i = 0; i < WARM_UPS; i++) {
    bareParse()
    fullImport()
  }
  const bare: number[] = []
  const full: number[] = []
  const ratios: number[] = []
  let scenarios = 0
  for (let i = 0; i < runs; i++) {
    // Pairs, so a slow moment on the machine hits both sides alike; the order
    // alternates because each side leaves garbage that the next one collects.
    const measure = (f: () => unknown) => {
      const t = performance.now()
      f()
      return performance.now() - t
    }
    let b: number
    let f: number
    if (i % 2 === 0) {
      b = measure(bareParse)
      f = measure(() => (scenarios = fullImport()))
    } else {
      f = measure(() => (scenarios = fullImport()))
      b = measure(bareParse)
    }
    bare.push(b)
    full.push(f)
    ratios.push(f / b)
  }
  return {
    rows: text.split('\r\n').length - 2,
    bareMs: median(bare),
    importMs: median(full),
    ratio: median(ratios),
    scenarios,
  }
}
