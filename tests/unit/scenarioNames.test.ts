import { describe, expect, it } from 'vitest'
import {
  scenarioNameProblem,
  uniqueScenarioName,
  uniqueScenarioNames,
} from '../../src/domain/scenarioNames'

describe('uniqueScenarioName', () => {
  it('keeps a free name, numbers a taken one from 2, and takes the first free number', () => {
    expect(uniqueScenarioName('Ads', new Set())).toBe('Ads')
    expect(uniqueScenarioName('Ads', new Set(['Ads']))).toBe('Ads (2)')
    expect(uniqueScenarioName('Ads', new Set(['Ads', 'Ads (2)', 'Ads (3)']))).toBe('Ads (4)')
    expect(uniqueScenarioName('Ads', new Set(['Ads', 'Ads (3)']))).toBe('Ads (2)')
  })

  it('counts on from a number it gave, but not from one that is part of a name', () => {
    expect(uniqueScenarioName('Ads (2)', new Set(['Ads', 'Ads (2)']))).toBe('Ads (3)')
    expect(uniqueScenarioName('Plan (2026)', new Set(['Plan (2026)']))).toBe('Plan (2026) (2)')
    expect(uniqueScenarioName('Ads (1)', new Set(['Ads (1)']))).toBe('Ads (1) (2)')
  })

  it('names a blank scenario "Untitled scenario"', () => {
    expect(uniqueScenarioName('  ', new Set())).toBe('Untitled scenario')
    expect(uniqueScenarioName('', new Set(['Untitled scenario']))).toBe('Untitled scenario (2)')
  })
})

describe('uniqueScenarioNames', () => {
  it('lets the first of each name keep it and never hands out a name a later one holds', () => {
    expect(uniqueScenarioNames(['A', 'A', 'A (2)', 'B', 'A'], new Set())).toEqual([
      'A',
      'A (3)',
      'A (2)',
      'B',
      'A (4)',
    ])
  })

  it('numbers names already in the worksheet, and those repeated among the new ones', () => {
    expect(uniqueScenarioNames(['Ads', 'Blog', 'Blog'], new Set(['Ads']))).toEqual([
      'Ads (2)',
      'Blog',
      'Blog (2)',
    ])
  })
})

describe('scenarioNameProblem', () => {
  const others = new Set(['Ads', 'Ads (2)'])

  it('accepts a name no other scenario has, spaces and case making a difference', () => {
    expect(scenarioNameProblem('Blog', others)).toBeNull()
    expect(scenarioNameProblem('ads', others)).toBeNull()
  })

  it('says a taken name is taken, that it is not applied, and offers a free one', () => {
    expect(scenarioNameProblem('Ads', others)).toBe(
      'Another scenario is already named "Ads"; names must be unique, so this one is not renamed yet. Try "Ads (3)".',
    )
  })

  it('asks for a name when it is blank', () => {
    expect(scenarioNameProblem(' ', others)).toBe(
      'Give the scenario a name: names tell scenarios apart in the comparison and in shared files.',
    )
  })
})
