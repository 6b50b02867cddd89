import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NameIndex } from '../../src/io/nameIndex'

describe('NameIndex', () => {
  it('numbers names as a Map would, across growth', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 300 }), (names) => {
        const index = new NameIndex()
        const map = new Map<string, number>()
        for (const name of names) {
          expect(index.get(name)).toBe(map.get(name) ?? -1)
          if (!map.has(name)) {
            map.set(name, map.size)
            expect(index.add(name)).toBe(map.size - 1)
          }
        }
        expect(index.size).toBe(map.size)
        for (const [name, n] of map) expect(index.get(name)).toBe(n)
      }),
    )
  })
})
