import { describe, expect, it } from 'vitest'
import {
  formatCount,
  formatMeasured,
  formatPercent,
  formatSignedUsd,
  formatUnitUsd,
  formatUsd,
} from '../../src/format/number'

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
