import { describe, expect, it } from 'vitest'
import {
  formatCount,
  formatCountOf,
  formatDuration,
  formatMeasured,
  formatPercent,
  formatSignedCount,
  formatSignedPercent,
  formatSignedUsd,
  formatTimes,
  formatUnitUsd,
  formatUsd,
  formatWholePercent,
} from '../../src/format/number'
import { groupedNumber } from '../../src/domain/numberText'

describe('formatUsd', () => {
  it.each([
    [92.583, '$92.58'],
    [1110.996, '$1,111.00'],
    [0, '$0.00'],
    [0.0053, '$0.0053'],
    [0.00588, '$0.00588'],
    [0.21072, '$0.211'],
    [0.5, '$0.50'],
    [1234567.891, '$1,234,567.89'],
  ])('%f reads %s in en-US', (value, text) => {
    expect(formatUsd(value, 'en-US')).toBe(text)
  })

  it('follows the locale', () => {
    expect(formatUsd(1234.5, 'de-DE')).toBe('1.234,50\u00a0$')
  })
})

describe('formatCount and formatPercent', () => {
  it('groups counts and keeps two decimals at most', () => {
    expect(formatCount(11318400, 'en-US')).toBe('11,318,400')
    expect(formatCount(1.256, 'en-US')).toBe('1.26')
  })
  it('shows fractions as percent', () => {
    expect(formatPercent(0.25, 'en-US')).toBe('25%')
    expect(formatPercent(0.125, 'en-US')).toBe('12.5%')
  })
})

describe('numbers that cannot be shown', () => {
  it.each([Number.NaN, Number.POSITIVE_INFINITY])('%f reads as a dash, never NaN or ∞', (v) => {
    expect(formatUsd(v)).toBe('—')
    expect(formatCount(v)).toBe('—')
    expect(formatPercent(v)).toBe('—')
  })
})

describe('values that do not exist', () => {
  it('read as a dash, like numbers that cannot be shown', () => {
    expect(formatUsd(null)).toBe('—')
    expect(formatSignedUsd(null)).toBe('—')
    expect(formatMeasured(null)).toBe('—')
  })
})

describe('formatMeasured', () => {
  it('shows three decimals, the value Apply writes, and never NaN', () => {
    expect(formatMeasured(45 / 31, 'en-US')).toBe('1.452')
    expect(formatMeasured(3, 'en-US')).toBe('3')
    expect(formatMeasured(153.04166, 'en-US')).toBe('153.042')
    expect(formatMeasured(Number.NaN, 'en-US')).toBe('—')
  })
})

describe('formatSignedUsd', () => {
  it('marks increases with +, leaves decreases their minus and zero unsigned', () => {
    expect(formatSignedUsd(11.26, 'en-US')).toBe('+$11.26')
    expect(formatSignedUsd(-0.0661, 'en-US')).toBe('-$0.0661')
    expect(formatSignedUsd(0, 'en-US')).toBe('$0.00')
    expect(formatSignedUsd(Number.NaN, 'en-US')).toBe('—')
  })
})

describe('formatSignedCount', () => {
  it('marks increases with +, leaves decreases their minus and zero unsigned', () => {
    expect(formatSignedCount(5731, 'en-US')).toBe('+5,731')
    expect(formatSignedCount(-5731, 'en-US')).toBe('-5,731')
    expect(formatSignedCount(0, 'en-US')).toBe('0')
    expect(formatSignedCount(Number.POSITIVE_INFINITY, 'en-US')).toBe('—')
  })
})

describe('formatSignedPercent', () => {
  it('marks increases with +, at the precision of formatPercent by default', () => {
    expect(formatSignedPercent(33.3276, 2, 'en-US')).toBe('+3,332.76%')
    expect(formatSignedPercent(0.125, 2, 'en-US')).toBe('+12.5%')
    expect(formatSignedPercent(-0.5018, 2, 'en-US')).toBe('-50.18%')
    expect(formatSignedPercent(0, 2, 'en-US')).toBe('0%')
    expect(formatSignedPercent(Number.POSITIVE_INFINITY, 2, 'en-US')).toBe('—')
  })
  it('rounds to fewer decimals when asked, and a change that rounds to nothing has no sign', () => {
    expect(formatSignedPercent(0.12345, 1, 'en-US')).toBe('+12.3%')
    expect(formatSignedPercent(-0.0505, 1, 'en-US')).toBe('-5.1%')
    expect(formatSignedPercent(-0.00001, 1, 'en-US')).toBe('0%')
    expect(formatSignedPercent(0.00001, 2, 'en-US')).toBe('0%')
  })
})

describe('formatWholePercent', () => {
  it('rounds to whole percents and never reads a sliver as 0%', () => {
    expect(formatWholePercent(1 / 3, 'en-US')).toBe('33%')
    expect(formatWholePercent(0.995, 'en-US')).toBe('100%')
    expect(formatWholePercent(0.004, 'en-US')).toBe('<1%')
    expect(formatWholePercent(0.005, 'en-US')).toBe('1%')
    expect(formatWholePercent(0, 'en-US')).toBe('0%')
    expect(formatWholePercent(Number.NaN, 'en-US')).toBe('—')
  })
})

describe('formatCountOf', () => {
  it('groups the count and picks the noun by it', () => {
    expect(formatCountOf(1, 'row', undefined, 'en-US')).toBe('1 row')
    expect(formatCountOf(0, 'row', undefined, 'en-US')).toBe('0 rows')
    expect(formatCountOf(1204, 'scenario', undefined, 'en-US')).toBe('1,204 scenarios')
    expect(formatCountOf(2, 'is', 'are', 'en-US')).toBe('2 are')
  })
})

describe('formatDuration', () => {
  it('shows milliseconds under a second and seconds to one decimal above', () => {
    expect(formatDuration(0.2, 'en-US')).toBe('1 ms')
    expect(formatDuration(412.6, 'en-US')).toBe('413 ms')
    expect(formatDuration(999.4, 'en-US')).toBe('999 ms')
    expect(formatDuration(1000, 'en-US')).toBe('1.0 s')
    expect(formatDuration(12_345, 'en-US')).toBe('12.3 s')
    expect(formatDuration(1_234_567, 'en-US')).toBe('1,234.6 s')
    expect(formatDuration(Number.NaN, 'en-US')).toBe('—')
  })
})

describe('formatUnitUsd', () => {
  it.each([
    [92.583 / 250, '$0.370'],
    [0.021784, '$0.0218'],
    [0.05, '$0.0500'],
    [1.5, '$1.50'],
    [0, '$0.00'],
  ])('%d -> %s', (value, text) => {
    expect(formatUnitUsd(value, 'en-US')).toBe(text)
  })
})

describe('absurd amounts read compactly, never hundreds of digits', () => {
  it.each([
    [4.94e-322, '$4.94E-322'],
    [1.234e-7, '$1.23E-7'],
    [-2e-10, '-$2E-10'],
    // Still spelled out: a millionth of a dollar and real sub-cent prices.
    [0.000001, '$0.0000010'],
    [0.0000123, '$0.0000123'],
    [999_999_999.99, '$999,999,999.99'],
    [92_583_000_000, '$92.6B'],
    [1_110_996_000_000, '$1.11T'],
    [1e15, '$1E15'],
    [1.5e300, '$1.5E300'],
    [Number.MAX_VALUE, '$1.8E308'],
  ])('formatUsd(%f) reads %s', (value, text) => {
    expect(formatUsd(value, 'en-US')).toBe(text)
  })

  it('keeps per-unit prices and differences compact too', () => {
    expect(formatUnitUsd(4.94e-322, 'en-US')).toBe('$4.94E-322')
    expect(formatUnitUsd(0.00588, 'en-US')).toBe('$0.00588')
    expect(formatSignedUsd(2.5e15, 'en-US')).toBe('+$2.5E15')
    expect(formatSignedUsd(-3e9, 'en-US')).toBe('-$3B')
  })

  it.each([
    [1e300, '1E300'],
    [123_456_789_012_345, '123T'],
    [325_000_000_000, '325B'],
    [999_999_999, '999,999,999'],
    [1e-320, '0'],
  ])('formatCount(%f) reads %s', (value, text) => {
    expect(formatCount(value, 'en-US')).toBe(text)
  })

  it('keeps percentages and measured values compact', () => {
    expect(formatPercent(1e300, 'en-US')).toBe('1E302%')
    expect(formatPercent(2e7, 'en-US')).toBe('2E9%')
    expect(formatPercent(9e6, 'en-US')).toBe('900,000,000%')
    expect(formatSignedPercent(1e300, 2, 'en-US')).toBe('+1E302%')
    expect(formatWholePercent(1e300, 'en-US')).toBe('1E302%')
    expect(formatMeasured(1e20, 'en-US')).toBe('1E20')
  })

  it('is never longer than twenty characters, whatever the magnitude', () => {
    for (let e = -323; e <= 308; e++) {
      const v = Number(`1.23456e${String(e)}`)
      expect(formatUsd(v, 'en-US').length, `1.23456e${String(e)}`).toBeLessThanOrEqual(20)
      expect(formatCount(v, 'en-US').length).toBeLessThanOrEqual(20)
    }
  })
})

describe('numbers inside domain messages', () => {
  it('spell out up to the largest limit and go scientific beyond', () => {
    expect(groupedNumber(1e12)).toBe('1,000,000,000,000')
    expect(groupedNumber(1e300)).toBe('1E300')
    expect(groupedNumber(-2.5e20)).toBe('-2.5E20')
    expect(groupedNumber(0.125)).toBe('0.125')
  })
})

describe('formatTimes', () => {
  it('reads a ratio to two decimals with a times sign, never NaN', () => {
    // Acme v1 at $99.00 against GPT Image 1 mini at $48.418: 2.0447.
    expect(formatTimes(99 / 48.418, 'en-US')).toBe('2.04×')
    expect(formatTimes(1, 'en-US')).toBe('1.00×')
    expect(formatTimes(null, 'en-US')).toBe('—')
    expect(formatTimes(Number.NaN, 'en-US')).toBe('—')
    expect(formatTimes(2.5e9, 'en-US')).toBe('2.5B×')
  })
})
