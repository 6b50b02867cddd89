import { describe, expect, it } from 'vitest'
import { templateTotals } from '../../../src/domain/usage/templateTotals'
import { fixture, groups } from './logFixtures'

describe('templateTotals', () => {
  it('prices each template per image kept at its last stage', () => {
    const totals = templateTotals(groups(fixture('draft-final.csv')))
    // hero: draft $0.03678 + final $0.519696 = $0.556476 over final's 2 kept images.
    expect(totals[0]).toMatchObject({
      template: 'hero',
      stages: ['draft', 'final'],
      billedImages: 9,
      finalKeptImages: 2,
      finalStage: 'final',
    })
    expect(totals[0]?.costUsd).toBeCloseTo(0.556476, 12)
    expect(totals[0]?.costPerFinalImageUsd).toBeCloseTo(0.278238, 12)
    expect(totals.map((t) => t.template)).toEqual(['hero', 'product'])
  })

  it('has no cost per image when the last stage kept none', () => {
    const log = 'template,stage,status\nt,draft,accepted\nt,final,rejected\n'
    expect(templateTotals(groups(log))[0]?.costPerFinalImageUsd).toBeNull()
  })
})
