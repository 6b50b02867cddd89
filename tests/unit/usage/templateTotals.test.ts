import { describe, expect, it } from 'vitest'
import { templateTotals } from '../../../src/domain/usage/templateTotals'
import { parseUsageLog } from '../../../src/io/usageLog/parse'
import { fixture, summarise, summary } from './logFixtures'

const summaryOf = (text: string) => summarise(parseUsageLog(text).rows)

describe('templateTotals', () => {
  it('prices each template per image kept at its last stage', () => {
    const totals = templateTotals(summary('draft-final.csv'))
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
    expect(templateTotals(summaryOf(log))[0]?.costPerFinalImageUsd).toBeNull()
  })

  // campaign.csv (tpl-campaign): a hero row comes first in the file, but concept ran on
  // 1 May and hero on 2 May. Cost: concept 5 x $0.105 = $0.525, hero 5 x $0.2 + $0.232 =
  // $1.232; $1.757 in all. Concept kept 3, hero kept 4.
  it('orders stages by median timestamp: tpl-campaign is concept -> hero, $0.439 per hero kept', () => {
    const [t] = templateTotals(summary('campaign.csv'))
    expect(t).toMatchObject({
      template: 'tpl-campaign',
      stages: ['concept', 'hero'],
      rule: 'median timestamp',
      finalStage: 'hero',
      finalKeptImages: 4,
    })
    expect(t?.costUsd).toBeCloseTo(1.757, 12)
    // $1.757 / 4 = $0.43925, shown as $0.439 (not $1.757 / 3 = $0.586).
    expect(t?.costPerFinalImageUsd).toBeCloseTo(0.43925, 12)
  })

  it('follows the order the person sets', () => {
    const yours = new Map([['tpl-campaign', ['hero', 'concept']]])
    const [t] = templateTotals(summary('campaign.csv'), { yours })
    expect(t).toMatchObject({ stages: ['hero', 'concept'], rule: 'yours', finalKeptImages: 3 })
    expect(t?.costPerFinalImageUsd).toBeCloseTo(1.757 / 3, 12)
  })

  const noTimes = fixture('campaign.csv').replace(/^[^,\n]*,/gm, ',')

  it('without timestamps, follows a worksheet scenario whose stage names match', () => {
    const scenarios = [
      { name: 'Blog', stages: ['Draft', 'Final'] },
      { name: 'Campaign', stages: ['Concept', 'Hero', 'Resize'] },
    ]
    const [t] = templateTotals(summaryOf(noTimes), { scenarios })
    expect(t).toMatchObject({
      stages: ['concept', 'hero'],
      rule: 'worksheet scenario',
      scenarioName: 'Campaign',
    })
    expect(t?.costPerFinalImageUsd).toBeCloseTo(0.43925, 12)
  })

  it('with nothing to go by, keeps the file order and says so', () => {
    const [t] = templateTotals(summaryOf(noTimes))
    expect(t).toMatchObject({
      stages: ['hero', 'concept'],
      rule: 'file order',
      finalStage: 'concept',
    })
  })

  it('follows job ids first: the order each job went through its stages', () => {
    // j0 has one stage and says nothing; in j1 and j2 draft comes before final.
    const log = [
      'template,stage,job_id,status,cost_usd',
      't,final,j0,accepted,1',
      't,draft,j1,accepted,0.1',
      't,final,j1,accepted,1',
      't,draft,j2,rejected,0.1',
      't,draft,j2,accepted,0.1',
      't,final,j2,rejected,1',
    ].join('\n')
    const scenarios = [{ name: 'Reversed', stages: ['final', 'draft'] }]
    const [t] = templateTotals(summaryOf(log), { scenarios })
    expect(t).toMatchObject({ stages: ['draft', 'final'], rule: 'job id', finalKeptImages: 2 })
    // 3 x 0.1 + 3 x 1 = 3.3 over final's 2 kept images.
    expect(t?.costPerFinalImageUsd).toBeCloseTo(1.65, 12)
  })
})
