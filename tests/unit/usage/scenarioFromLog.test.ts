import { describe, expect, it } from 'vitest'
import { computeScenario } from '../../../src/domain/engine'
import type { Stage } from '../../../src/domain/model'
import { blankStage } from '../../../src/domain/model'
import { scenarioFromLog } from '../../../src/domain/usage/scenarioFromLog'
import type { ScenarioFromLog } from '../../../src/domain/usage/scenarioFromLog'
import type { UsageGroup } from '../../../src/domain/usage/summary'
import { DEFAULT_MODEL_ID, PRICE_BOOK } from '../../../src/presets/priceBook'
import { fixture, groups } from './logFixtures'

// gpt-image-2 per token: text in 5e-6, image in 8e-6, image out 3e-5.

/** As the app builds it: the shipped price book, its default model, its blank stage. */
const fromLog = (all: readonly UsageGroup[], template: string): ScenarioFromLog =>
  scenarioFromLog(all, template, PRICE_BOOK, DEFAULT_MODEL_ID, blankStage)

describe('scenarioFromLog', () => {
  it('rebuilds hero (draft + final) so the scenario costs what the log cost', () => {
    const made = fromLog(groups(fixture('draft-final.csv')), 'hero')
    if (!made.ok) throw new Error(made.reason)
    const sc = made.scenario
    // Draft kept 2 of 6, final kept 2 of 3: two jobs a month, both stages reach every job.
    expect(sc).toMatchObject({
      name: 'hero (from usage log)',
      modelId: 'gpt-image-2',
      jobsPerMonth: 2,
    })
    expect(
      sc.stages.map((s) => [
        s.name,
        s.quality,
        `${String(s.width)}x${String(s.height)}`,
        s.reachShare,
        s.imagesPerJob,
        s.retryMultiplier,
        s.promptTokens,
        s.referenceImages,
        s.referenceImageTokens,
      ]),
    ).toEqual([
      ['draft', 'low', '1024x1024', 1, 1, 3, 50, 0, 1024],
      ['final', 'high', '1536x1024', 1, 1, 1.5, 80, 1, 1024],
    ])
    const result = computeScenario(sc, PRICE_BOOK)
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    // Draft: 2 x 3 = 6 images x (50 x 5e-6 + 196 x 3e-5 = 0.00613) = 0.03678.
    // Final: 2 x 1.5 = 3 images x (80 x 5e-6 + 1024 x 8e-6 + 5488 x 3e-5 = 0.173232) = 0.519696.
    expect(result.stages[0]?.costUsd).toBeCloseTo(0.03678, 12)
    expect(result.stages[1]?.costUsd).toBeCloseTo(0.519696, 12)
    expect(result.monthlyCostUsd).toBeCloseTo(0.556476, 12)
    expect(made.notes.at(-1)).toBe(
      'Jobs per month: 2 jobs, the most images one stage kept in 2 days of log; the counts are taken as one month.',
    )
  })

  it('gives a stage that kept fewer images a share of the jobs', () => {
    const log = [
      'template,stage,quality,size,status',
      ...Array.from(
        { length: 8 },
        (_, i) => `t,draft,low,1024x1024,${i < 4 ? 'accepted' : 'rejected'}`,
      ),
      't,final,high,1024x1024,accepted',
      't,final,high,1024x1024,regenerated',
    ].join('\n')
    const made = fromLog(groups(log), 't')
    if (!made.ok) throw new Error(made.reason)
    expect(made.scenario.jobsPerMonth).toBe(4)
    // Final kept 1 of 4 jobs' worth, at 2 billed per kept image.
    expect(made.scenario.stages.map((s) => [s.reachShare, s.retryMultiplier])).toEqual([
      [1, 2],
      [0.25, 2],
    ])
    expect(made.notes).toContain(
      'Jobs per month: 4 jobs, the most images one stage kept; the counts are taken as one month.',
    )
  })

  it('bills an exploration stage that kept nothing, without counting it as kept', () => {
    const log = [
      'template,stage,quality,size,status',
      ...Array.from({ length: 6 }, () => 't,explore,low,1024x1024,rejected'),
      't,final,high,1024x1024,accepted',
      't,final,high,1024x1024,accepted',
    ].join('\n')
    const made = fromLog(groups(log), 't')
    if (!made.ok) throw new Error(made.reason)
    // 2 jobs; explore billed 6 = 2 jobs x reach 1 x retry 3.
    expect(made.scenario.stages.map((s) => [s.name, s.reachShare, s.retryMultiplier])).toEqual([
      ['explore', 1, 3],
      ['final', 1, 1],
    ])
    expect(made.notes).toContain(
      'explore: no image was kept, so the stage bills its 6 logged images without adding kept images to the cost per kept image.',
    )
  })

  it('prices a dated snapshot as its model family', () => {
    const log = [
      'template,stage,model,quality,size,status',
      't,final,gpt-image-1-2025-04-15,high,1024x1024,accepted',
      't,final,gpt-image-1,high,1024x1024,accepted',
      't,final,constructor,high,1024x1024,accepted',
    ].join('\n')
    const made = fromLog(groups(log), 't')
    if (!made.ok) throw new Error(made.reason)
    expect(made.scenario.modelId).toBe('gpt-image-1')
    expect(made.notes.some((n) => n.includes('price book knows'))).toBe(false)
  })

  it('says why when nothing was kept or the template is not in the log', () => {
    const log = 'template,status\nt,rejected\nt,deleted\n'
    expect(fromLog(groups(log), 't')).toEqual({
      ok: false,
      reason:
        'No image of template "t" was accepted or edited, so the log says nothing about what a job keeps.',
    })
    expect(fromLog(groups(log), 'other')).toEqual({
      ok: false,
      reason: 'The log has no rows for template "other".',
    })
  })

  it('prices a log without a known model as the default model it is given, from the stage it is given', () => {
    const log = 'template,stage,quality,size,status\nt,final,high,1024x1024,accepted\n'
    const base = (name: string): Stage => ({ ...blankStage(name), promptTokens: 7 })
    const made = scenarioFromLog(groups(log), 't', PRICE_BOOK, 'gpt-image-1', base)
    if (!made.ok) throw new Error(made.reason)
    expect(made.scenario.modelId).toBe('gpt-image-1')
    expect(made.notes).toContain(
      'The log names no model the price book knows; priced as gpt-image-1.',
    )
    // No input tokens in the log: the given stage's prompt tokens stand.
    expect(made.scenario.stages[0]?.promptTokens).toBe(7)
  })
})
