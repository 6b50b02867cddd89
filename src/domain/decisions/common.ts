import { computeScenario } from '../engine'
import type { BilledQuality, FieldError, Scenario, Stage } from '../model'
import type { PriceBook } from '../priceBook'
import type { Usd } from '../units'

/** Every decision tool answers an invalid scenario with the engine's reasons, never a number. */
export interface DecisionFailure {
  ok: false
  errors: FieldError[]
}

/** Billed qualities from cheapest to dearest: the order a "step" moves along. */
export const QUALITY_STEPS: readonly BilledQuality[] = ['low', 'medium', 'high']

/** The quality a stage is billed at: `auto` is billed as its stated assumption. */
export function billedQualityOf(stage: Stage): BilledQuality {
  return stage.quality === 'auto' ? stage.autoBilledAs : stage.quality
}

/** The billed quality one step cheaper (-1) or dearer (+1), or null at either end. */
export function stepQuality(quality: BilledQuality, direction: -1 | 1): BilledQuality | null {
  return QUALITY_STEPS[QUALITY_STEPS.indexOf(quality) + direction] ?? null
}

/** A stage's name as people read it; unnamed stages are numbered from 1. */
export function stageLabel(stage: Stage, index: number): string {
  const name = stage.name.trim()
  return name === '' ? `Stage ${index + 1}` : name
}

/** A copy of the scenario with one stage patched; other stages are shared, not copied. */
export function withStage(scenario: Scenario, index: number, patch: Partial<Stage>): Scenario {
  return {
    ...scenario,
    stages: scenario.stages.map((s, i) => (i === index ? { ...s, ...patch } : s)),
  }
}

/** Monthly cost in USD, or null when the engine refuses the scenario. */
export function monthlyCostOf(scenario: Scenario, book: PriceBook): Usd | null {
  const r = computeScenario(scenario, book)
  return r.ok ? r.monthlyCostUsd : null
}

/** Whether a value is a finite number (not NaN, not ±Infinity, not a string). */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

/** Rounds down to a multiple of `step`, so a suggested value never overshoots what fits. */
export function floorTo(value: number, step: number): number {
  // Dividing by the step's reciprocal keeps 1.3 / 0.01 from landing on 129.99999.
  const inverse = Math.round(1 / step)
  return Math.floor(value * inverse + 1e-9) / inverse
}
