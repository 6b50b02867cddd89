import { describe, expect, it } from 'vitest'
import { canonicalText, parseTypedNumber } from '../../src/io/numberInput'

describe('parseTypedNumber', () => {
  it.each([
    ['1500', 1500],
    [' 1,500 ', 1500],
    ['1,234,567.5', 1234567.5],
    ['2.5', 2.5],
    ['.5', 0.5],
    ['3.', 3],
    ['2e6', 2_000_000],
    ['-3', -3],
    ['$5.00', 5],
    ['1e400', Number.POSITIVE_INFINITY],
  ])('reads %j as %d', (text, value) => {
    expect(parseTypedNumber(text)).toBe(value)
  })

  it.each(['', '   ', 'abc', '12abc', '1,50', '1.2.3', '.', '-', 'e5', '1,5000'])(
    'reads %j as not a number',
    (text) => {
      expect(parseTypedNumber(text)).toBeNaN()
    },
  )

  it('reads shares typed in percent', () => {
    expect(parseTypedNumber('25', true)).toBe(0.25)
    expect(parseTypedNumber('12.5%', true)).toBe(0.125)
    expect(parseTypedNumber('7', true)).toBe(0.07)
  })
})

describe('canonicalText', () => {
  it('shows numbers exactly and shares in percent without float noise', () => {
    expect(canonicalText(1.3)).toBe('1.3')
    expect(canonicalText(0.07, true)).toBe('7')
    expect(canonicalText(0.125, true)).toBe('12.5')
    expect(canonicalText(Number.NaN)).toBe('')
  })

  it('round-trips what it shows', () => {
    for (const v of [0.07, 0.29, 0.333, 1 / 3, 0.1 + 0.2]) {
      expect(parseTypedNumber(canonicalText(v, true), true)).toBeCloseTo(v, 12)
    }
  })
})
