/**
 * Shared set-up of the usage-domain tests: log fixtures read and summarised
 * with the shipped price book, and the stages they are compared with.
 */
import { readFileSync } from 'node:fs'
import { expect } from 'vitest'
import type { Scenario, Stage } from '../../../src/domain/model'
import type { UsageRow } from '../../../src/domain/usage/rows'
import { summariseUsage } from '../../../src/domain/usage/summary'
import type { UsageGroup, UsageSummary } from '../../../src/domain/usage/summary'
import { parseUsageLog } from '../../../src/io/usageLog/parse'
import { blankStage } from '../../../src/domain/model'
import { DEFAULT_MODEL_ID, PRICE_BOOK } from '../../../src/presets/priceBook'

// Rates used in these tests (gpt-image-2, USD per 1M tokens): text in $5, image in $8,
// image out $30; so per token 5e-6, 8e-6 and 3e-5.
// Output tokens per image: 1024x1024 low 196, medium 1,756, high 7,024;
// 1536x1024 medium 1,372, high 5,488.

export const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/logs/${name}`, import.meta.url), 'utf8')

/** The summary the app shows: the shipped price book, blank models priced as the default. */
export const summarise = (rows: readonly UsageRow[]): UsageSummary =>
  summariseUsage(rows, PRICE_BOOK, DEFAULT_MODEL_ID)

export function summary(name: string): UsageSummary {
  const parsed = parseUsageLog(fixture(name))
  expect(parsed.error).toBeNull()
  return summarise(parsed.rows)
}

/** The groups of a log given as text. */
export const groups = (text: string): UsageGroup[] => {
  const parsed = parseUsageLog(text)
  expect(parsed.error).toBeNull()
  return summarise(parsed.rows).groups
}

export function group(groups: readonly UsageGroup[], template: string, stage: string): UsageGroup {
  const g = groups.find((x) => x.template === template && x.stage === stage)
  if (!g) throw new Error(`no group ${template}/${stage}`)
  return g
}

export function base(fields: Partial<UsageRow> & Pick<UsageRow, 'row'>): UsageRow {
  return {
    timeMs: null,
    template: 't',
    stage: 's',
    jobId: '',
    model: 'gpt-image-2',
    quality: 'low',
    width: 1024,
    height: 1024,
    n: null,
    status: 'unknown',
    inputTokens: null,
    outputTokens: null,
    inputTextTokens: null,
    inputImageTokens: null,
    costUsd: null,
    ...fields,
  }
}

export function scenario(stages: Stage[], more: Partial<Scenario> = {}): Scenario {
  return { name: 'Plan', modelId: 'gpt-image-2', jobsPerMonth: 1000, batch: false, stages, ...more }
}

export const DRAFT: Stage = {
  ...blankStage('Draft'),
  quality: 'low',
  imagesPerJob: 4,
  retryMultiplier: 1.5,
}
export const FINAL: Stage = {
  ...blankStage('Final'),
  quality: 'high',
  width: 1536,
  height: 1024,
  reachShare: 0.25,
  retryMultiplier: 1.3,
}
export const EDIT: Stage = {
  ...blankStage('Edit'),
  quality: 'medium',
  width: 1536,
  height: 1024,
  promptTokens: 100,
}
