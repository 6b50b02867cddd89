import { describe, expect, it } from 'vitest'
import { parseCsvNumber } from '../../../src/io/csv/numbers'

describe('parseCsvNumber', () => {
  it.each([
    ['0', 0],
    ['1200', 1200],
    ['007', 7],
    ['0.25', 0.25],
    ['.5', 0.5],
    ['5.', 5],
    ['-3', -3],
    ['+4', 4],
    ['1e-7', 0.0000001],
    ['2.5E+3', 2500],
    [' 12 ', 12],
    ['\t0.5', 0.5],
    ['123456789012345678', 123456789012345680],
    ['0.1234567890123456789', 0.12345678901234568],
    ['1e400', Number.POSITIVE_INFINITY],
  ])('reads %j as %d', (text, value) => {
    expect(parseCsvNumber(text, false)).toBe(value)
  })

  it.each([
    '',
    '   ',
    'abc',
    '12abc',
    '1,200',
    '1,5',
    '1.2.3',
    '.',
    '-',
    '+',
    'e5',
    '1e',
    '0x10',
    '0X1f',
    '0b11',
    '0o7',
    'Infinity',
    '-Infinity',
    'NaN',
    '1_000',
    '1 000',
    '$5',
    '25%',
    '٣',
  ])('reads %j as not a number', (text) => {
    expect(parseCsvNumber(text, false)).toBeNull()
  })

  it('reads a decimal comma only when asked (semicolon files)', () => {
    expect(parseCsvNumber('0,25', true)).toBe(0.25)
    expect(parseCsvNumber('-1,5', true)).toBe(-1.5)
    expect(parseCsvNumber(' 12,75 ', true)).toBe(12.75)
    expect(parseCsvNumber('0.25', true)).toBe(0.25)
    expect(parseCsvNumber('0,25', false)).toBeNull()
    // Thousands groups are not a decimal comma: two commas, or a comma and a dot.
    expect(parseCsvNumber('1,000,000', true)).toBeNull()
    expect(parseCsvNumber('1.000,5', true)).toBeNull()
    expect(parseCsvNumber(',5', true)).toBeNull()
  })

  it('gives back every double String() writes', () => {
    for (const n of [0.1 + 0.2, 1 / 3, 5e-324, 1.7976931348623157e308, 123.456e-10, 2 ** 53 + 2]) {
      expect(parseCsvNumber(String(n), false)).toBe(n)
    }
  })
})
