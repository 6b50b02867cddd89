import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NameIndex } from '../../../src/io/csv/nameIndex'

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

  // `add` reuses the hash of the name `get` last missed; a different name
  // added next (or one added without a lookup) must be hashed afresh.
  it('finds every name whether or not a lookup of another name came just before adding it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.option(fc.string({ maxLength: 6 }))), {
          maxLength: 200,
        }),
        (steps) => {
          const index = new NameIndex()
          const map = new Map<string, number>()
          for (const [name, lookedUp] of steps) {
            if (map.has(name)) continue
            if (lookedUp !== null) expect(index.get(lookedUp)).toBe(map.get(lookedUp) ?? -1)
            map.set(name, map.size)
            expect(index.add(name)).toBe(map.size - 1)
          }
          for (const [name, n] of map) expect(index.get(name)).toBe(n)
        },
      ),
    )
  })
})
