import { describe, expect, it } from 'vitest'
import { moneyAxis, moneyTick } from '../../src/components/charts/axes'
import {
  COMMON_CURRENCIES,
  currencyChoices,
  isCurrencyCode,
  resolveCurrency,
  USD,
} from '../../src/domain/currency'
import type { Currency } from '../../src/domain/currency'
import {
  formatMoney,
  formatRateNote,
  formatSignedMoney,
  formatUnitMoney,
  formatUsd,
} from '../../src/format/number'

const EUR: Currency = { code: 'EUR', perUsd: 0.92 }
const JPY: Currency = { code: 'JPY', perUsd: 156.3 }
const INR: Currency = { code: 'INR', perUsd: 83.25 }

describe('formatMoney converts US dollars at the rate and writes the currency', () => {
  it.each([
    // $210.72 x 0.92 = €193.8624
    [210.72, EUR, '€193.86'],
    // $4,506.10 x 0.92 = €4,145.612
    [4506.1, EUR, '€4,145.61'],
    // a $0.0053 image: €0.004876, three significant digits, never €0.00
    [0.0053, EUR, '€0.00488'],
    [0, EUR, '€0.00'],
    // $92.583B x 0.92 = €85.17636B, short form
    [9.2583e10, EUR, '€85.2B'],
    // 1.5E300 x 0.92 = 1.38E300, scientific
    [1.5e300, EUR, '€1.38E300'],
    // JPY has no decimals: $210.72 x 156.3 = ¥32,935.536
    [210.72, JPY, '¥32,936'],
    // $4,506.10 x 156.3 = ¥704,303.43
    [4506.1, JPY, '¥704,303'],
    // below ¥100, three significant digits as a per-image cost needs: $0.21072 x 156.3 = ¥32.935536
    [0.21072, JPY, '¥32.9'],
    // $0.0053 x 156.3 = ¥0.828390
    [0.0053, JPY, '¥0.828'],
    [9.2583e10, JPY, '¥14.5T'],
    [1.5e300, JPY, '¥2.34E302'],
  ])('%s USD in %o reads %s', (usd, currency, text) => {
    expect(formatMoney(usd, currency, 'en-US')).toBe(text)
  })

  it('groups INR as the reader locale does: lakhs and crores for en-IN', () => {
    // $1,482.96 x 83.25 = ₹123,456.42
    expect(formatMoney(1482.96, INR, 'en-IN')).toBe('₹1,23,456.42')
    expect(formatMoney(1482.96, INR, 'en-US')).toBe('₹123,456.42')
    // $0.0053 x 83.25 = ₹0.441225
    expect(formatMoney(0.0053, INR, 'en-IN')).toBe('₹0.441')
  })

  it('never reads NaN: an amount that cannot be shown, or overflows at the rate, reads —', () => {
    expect(formatMoney(Number.NaN, EUR, 'en-US')).toBe('—')
    expect(formatMoney(null, JPY, 'en-US')).toBe('—')
    expect(formatMoney(1e308, JPY, 'en-US')).toBe('—')
    expect(formatUnitMoney(Number.POSITIVE_INFINITY, EUR, 'en-US')).toBe('—')
  })

  it('in USD reads as formatUsd always has', () => {
    expect(formatMoney(92.583, USD, 'en-US')).toBe('$92.58')
    expect(formatUsd(0.0053, 'en-US')).toBe('$0.0053')
    expect(formatUsd(9.2583e10, 'en-US')).toBe('$92.6B')
  })
})

describe('formatUnitMoney and formatSignedMoney', () => {
  it('keeps three significant digits on per-image prices in every currency', () => {
    // $0.370332 x 0.92 = €0.340705
    expect(formatUnitMoney(0.370332, EUR, 'en-US')).toBe('€0.341')
    // $0.370332 x 156.3 = ¥57.88289
    expect(formatUnitMoney(0.370332, JPY, 'en-US')).toBe('¥57.9')
    // $2 x 156.3 = ¥312.6: from ¥100 whole yen
    expect(formatUnitMoney(2, JPY, 'en-US')).toBe('¥313')
  })

  it('marks increases with a plus', () => {
    // $10 x 0.92
    expect(formatSignedMoney(10, EUR, 'en-US')).toBe('+€9.20')
    expect(formatSignedMoney(-10, JPY, 'en-US')).toBe('-¥1,563')
  })
})

describe('formatRateNote', () => {
  it('states the rate and its date', () => {
    expect(formatRateNote(EUR, '2026-11-27', 'en-US')).toBe(
      'Amounts in EUR at 0.92 EUR per USD ($1 = €0.92), rate of 2026-11-27.',
    )
    expect(formatRateNote(JPY, '', 'en-US')).toBe(
      'Amounts in JPY at 156.3 JPY per USD ($1 = ¥156.3), rate date not given.',
    )
    expect(formatRateNote(USD, '2026-11-27', 'en-US')).toBeNull()
  })
})

describe('resolveCurrency', () => {
  const eur = (rate: string) => ({ code: 'EUR', rate, rateDate: '2026-11-27' })

  it('uses a rate above 0', () => {
    expect(resolveCurrency(eur('0.92'), 0.92)).toEqual({ currency: EUR, rateProblem: null })
  })

  it.each([
    ['', Number.NaN, 'It is missing.'],
    ['abc', Number.NaN, '"abc" is not a number.'],
    ['0', 0, '0 is not.'],
    ['-1', -1, '-1 is not.'],
    ['1e400', Number.POSITIVE_INFINITY, '"1e400" is too large.'],
  ])('falls back to USD on %j and says why', (typed, rate, why) => {
    const r = resolveCurrency(eur(typed), rate)
    expect(r.currency).toEqual(USD)
    expect(r.rateProblem).toBe(
      `Exchange rate must be a number above 0: how many EUR one US dollar buys (for example 0.92 for EUR). ${why} Amounts are shown in USD until it is fixed.`,
    )
  })

  it('needs no rate for USD, and reads an unknown code as USD', () => {
    expect(resolveCurrency({ code: 'USD', rate: '', rateDate: '' }, Number.NaN)).toEqual({
      currency: USD,
      rateProblem: null,
    })
    expect(resolveCurrency({ code: 'XX1', rate: '2', rateDate: '' }, 2).currency).toEqual(USD)
    expect(isCurrencyCode('EUR')).toBe(true)
    expect(isCurrencyCode('eur')).toBe(false)
  })
})

describe('currencyChoices', () => {
  it('offers the common codes first, then the rest alphabetically, once each', () => {
    const choices = currencyChoices(['ZAR', 'AED', 'EUR', 'USD', 'AED'])
    expect(choices.slice(0, 5)).toEqual(['USD', 'EUR', 'GBP', 'JPY', 'INR'])
    expect(choices.slice(COMMON_CURRENCIES.length)).toEqual(['AED', 'ZAR'])
    expect(new Set(choices).size).toBe(choices.length)
  })
})

describe('moneyAxis', () => {
  it('puts round ticks in the currency shown on the chart’s dollar scale', () => {
    // $92.583 a month is €85.18: a fifth of that is 17, so steps of €20 up to €100.
    const axis = moneyAxis(EUR, [92.583, 40])
    expect('ticks' in axis && axis.ticks.map(moneyTick(EUR))).toEqual([
      '€0',
      '€20',
      '€40',
      '€60',
      '€80',
      '€100',
    ])
    expect('domain' in axis && axis.domain[1]).toBeCloseTo(100 / 0.92, 9)
  })

  it('leaves USD charts to their own ticks, and never fails on values it cannot place', () => {
    expect(moneyAxis(USD, [92.583])).toEqual({})
    expect(moneyAxis(JPY, [])).toEqual({})
    expect(moneyAxis(JPY, [Number.NaN, 0])).toEqual({})
  })
})
