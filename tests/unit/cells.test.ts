import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  firstChar,
  isBlank,
  isBlankRecord,
  readSize,
  show,
  trimmed,
  withoutBom,
} from '../../src/io/cells'
import { readHeaderLine } from '../../src/io/headerLine'

const size = (text: string): { width: number; height: number } | null => {
  const out = { width: -1, height: -1 }
  return readSize(text, out) ? out : null
}

describe('readSize (both parsers)', () => {
  it.each([
    ['1536x1024', 1536, 1024],
    ['1024X1536', 1024, 1536],
    ['2048×1152', 2048, 1152],
    ['1536 x 1024', 1536, 1024],
    ['1536  x  1024', 1536, 1024],
    ['007x0016', 7, 16],
    // Form only: the caller checks the range (the engine for scenarios, 1 to 100,000 for logs).
    ['0x0', 0, 0],
    ['999999999999999x1', 999_999_999_999_999, 1],
  ])('reads %j as %i x %i', (text, width, height) => {
    expect(size(text)).toEqual({ width, height })
  })

  it.each([
    [''],
    ['1536'],
    ['x1024'],
    ['1536x'],
    ['1536*1024'],
    ['1536 by 1024'],
    [' 1536x1024'],
    ['1536x1024 '],
    ['1536x1024px'],
    ['1536.5x1024'],
    ['-1536x1024'],
    ['1536x1024x2'],
    ['1536\tx1024'],
    // 16 digits: past what sums exactly, and past every range.
    ['1000000000000000x1'],
    ['1x1000000000000000'],
  ])('refuses %j, leaving the output alone', (text) => {
    const out = { width: -1, height: -1 }
    expect(readSize(text, out)).toBe(false)
    expect(out).toEqual({ width: -1, height: -1 })
  })

  it('reads back every size written as WIDTHxHEIGHT', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1e9 }), fc.nat({ max: 1e9 }), (width, height) => {
        expect(size(`${String(width)}x${String(height)}`)).toEqual({ width, height })
      }),
    )
  })
})

describe('trimmed and isBlank', () => {
  it('trims exactly as String.prototype.trim, whatever the ends', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('a', 'é', ' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\ufeff', ','),
          maxLength: 6,
        }),
        (text) => {
          expect(trimmed(text)).toBe(text.trim())
          expect(isBlank(text)).toBe(text.trim() === '')
        },
      ),
    )
  })

  it('keeps the very string when both ends are printable ASCII', () => {
    const cell = 'hero, final'
    expect(trimmed(cell)).toBe(cell)
    expect(trimmed('\u2003hero\u2003')).toBe('hero')
  })

  it('a record is blank when every cell is', () => {
    expect(isBlankRecord([])).toBe(true)
    expect(isBlankRecord(['', ' ', '\t', '\u00a0'])).toBe(true)
    expect(isBlankRecord(['', 'x'])).toBe(false)
  })
})

describe('show, withoutBom, firstChar', () => {
  it('quotes a cell for a message, cut to 40 characters', () => {
    expect(show('big')).toBe('"big"')
    expect(show('say "hi"')).toBe('"say \\"hi\\""')
    expect(show('a'.repeat(41))).toBe(`"${'a'.repeat(40)}…"`)
  })

  it('drops one leading byte-order mark only', () => {
    expect(withoutBom('\ufeffa,b')).toBe('a,b')
    expect(withoutBom('a,b')).toBe('a,b')
    expect(withoutBom('\ufeff\ufeffa')).toBe('\ufeffa')
  })

  it('finds the first character that is not white space', () => {
    expect(firstChar(' \r\n\t\u00a0{"a":1}')).toBe(123)
    expect(firstChar('  \n')).toBe(-1)
    expect(firstChar('')).toBe(-1)
  })
})

describe('readHeaderLine', () => {
  it('counts delimiters on the first non-blank line, outside quotes', () => {
    expect(readHeaderLine('\r\n\r\n"a,b";c;d\r\ne,f,g,h,i\r\n')).toEqual({
      commas: 0,
      semicolons: 2,
      tabs: 0,
      newline: '\r\n',
    })
    expect(readHeaderLine('a\tb\tc,d\ne')).toEqual({
      commas: 1,
      semicolons: 0,
      tabs: 2,
      newline: '\n',
    })
  })

  it('reads the line ending, or none for a one-line file', () => {
    expect(readHeaderLine('a,b\rc,d').newline).toBe('\r')
    expect(readHeaderLine('a,b').newline).toBeUndefined()
    // A line break inside quotes is part of a name, not the end of the header.
    expect(readHeaderLine('"a\nb",c\r\n')).toEqual({
      commas: 1,
      semicolons: 0,
      tabs: 0,
      newline: '\r\n',
    })
  })
})
