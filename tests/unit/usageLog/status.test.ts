import { describe, expect, it } from 'vitest'
import { normaliseStatus } from '../../../src/io/usageLog/status'

describe('normaliseStatus', () => {
  it.each([
    ['accepted', 'accepted'],
    [' Approved ', 'accepted'],
    ['KEPT', 'accepted'],
    ['edited', 'edited'],
    ['discarded', 'rejected'],
    ['thumbs down', 'rejected'],
    ['retry', 'regenerated'],
    ['re-run', 'regenerated'],
    ['deleted', 'deleted'],
    ['error', 'failed'],
    ['succeeded', 'unknown'],
    ['constructor', 'unknown'],
    ['', 'unknown'],
  ])('%j -> %s', (text, status) => {
    expect(normaliseStatus(text)).toBe(status)
  })
})
