// Browser benchmark page for CSV import: built by bench/browser.mjs, never shipped.
import Papa from 'papaparse'
import { exportScenariosCsv, importScenariosCsv } from '../../src/io/csv'
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
  return exportScenariosCsv(scenarios)
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
    ) => { rows: number; bareMs: number; importMs: number; scenarios: number }
  }
}

window.runCsvBench = (rows, runs) => {
  const text = makeCsv(rows)
  const bare: number[] = []
  const full: number[] = []
  let scenarios = 0
  // Interleaved, so a slow moment on the machine hits both sides alike.
  for (let i = 0; i < runs; i++) {
    let t = performance.now()
    Papa.parse<string[]>(text, { header: false, skipEmptyLines: true })
    bare.push(performance.now() - t)
    t = performance.now()
    scenarios = importScenariosCsv(text).scenarios.length
    full.push(performance.now() - t)
  }
  return {
    rows: text.split('\r\n').length - 2,
    bareMs: median(bare),
    importMs: median(full),
    scenarios,
  }
}
