import { describe, expect, it } from 'vitest'
import {
  defaultDeliversFinal,
  deliversFinalFlags,
  firstFinalStage,
  withExplicitFinals,
} from '../../src/domain/finals'
import type { BilledQuality, Quality } from '../../src/domain/model'
import { blankStage } from '../../src/domain/model'
import { defaultScenario } from '../../src/presets/defaultScenario'
import { presetScenario } from '../../src/presets/useCases'

describe('firstFinalStage', () => {
  const q = (...qs: BilledQuality[]) => qs.map((billedQuality) => ({ billedQuality }))
  it.each([
    [q('low', 'high'), 1],
    // ratio variants of the final at the same quality are final too
    [q('low', 'high', 'high', 'high'), 1],
    [q('low', 'medium', 'high'), 2],
    [q('low', 'high', 'low'), 2],
    // one quality throughout: nothing marks drafting, so only the last stage is final
    [q('medium', 'medium'), 1],
    [q('high'), 0],
    [[], 0],
  ])('%o -> %d', (stages, first) => {
    expect(firstFinalStage(stages)).toBe(first)
  })
})

describe('defaultDeliversFinal', () => {
  const stages = (...qs: Quality[]) => qs.map((quality) => ({ ...blankStage('s'), quality }))

  it('ticks the last stage and its same-quality ratio variants', () => {
    expect(defaultDeliversFinal(defaultScenario().stages)).toEqual([false, true])
    expect(defaultDeliversFinal(presetScenario('growth-campaign-creative').stages)).toEqual([
      false,
      true,
      true,
      true,
    ])
    expect(defaultDeliversFinal(stages('medium'))).toEqual([true])
    expect(defaultDeliversFinal(stages('medium', 'medium'))).toEqual([false, true])
    expect(defaultDeliversFinal([])).toEqual([])
  })

  it('reads auto as the quality it is billed as', () => {
    const autoHigh = {
      ...blankStage('Final'),
      quality: 'auto' as const,
      autoBilledAs: 'high' as const,
    }
    expect(defaultDeliversFinal([{ ...blankStage('Hero'), quality: 'high' }, autoHigh])).toEqual([
      false,
      true,
    ])
  })
})

describe('deliversFinalFlags', () => {
  it("keeps each stage's own choice and falls back to the rule for the rest", () => {
    const [draft, final] = defaultScenario().stages
    if (!draft || !final) throw new Error('the example has two stages')
    expect(deliversFinalFlags([{ ...draft, deliversFinal: true }, final])).toEqual([true, true])
    expect(deliversFinalFlags([draft, { ...final, deliversFinal: false }])).toEqual([false, false])
  })

  it('writes every flag out', () => {
    expect(withExplicitFinals(defaultScenario().stages).map((s) => s.deliversFinal)).toEqual([
      false,
      true,
    ])
  })
})
