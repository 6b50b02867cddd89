import { describe, expect, it } from 'vitest'
import { quotaExposure } from '../../src/domain/decisions/quotas'
import type { FieldError } from '../../src/domain/model'
import { isUnset, QUOTA_RULE, quotaFieldErrors, USERS_RULE } from '../../src/domain/validate'
import { defaultScenario } from '../../src/presets/defaultScenario'
import { PRICE_BOOK } from '../../src/presets/priceBook'

const errorsOf = (usersPerMonth?: number, maxImagesPerUser?: number): FieldError[] => {
  const out: FieldError[] = []
  const s = defaultScenario()
  if (usersPerMonth !== undefined) s.usersPerMonth = usersPerMonth
  if (maxImagesPerUser !== undefined) s.maxImagesPerUser = maxImagesPerUser
  quotaFieldErrors(s, out)
  return out
}

describe('quota field rules (validate.ts)', () => {
  it('reads absent and emptied (NaN) as unset, not as errors', () => {
    expect(isUnset(undefined)).toBe(true)
    expect(isUnset(Number.NaN)).toBe(true)
    expect(isUnset(0)).toBe(false)
    expect(errorsOf()).toEqual([])
    expect(errorsOf(Number.NaN, Number.NaN)).toEqual([])
  })

  it('allows users from 0 to a trillion, fractions too, and whole quotas up to a billion', () => {
    expect(errorsOf(0, 0)).toEqual([])
    expect(errorsOf(12.5, 20)).toEqual([])
    expect(errorsOf(USERS_RULE.max, QUOTA_RULE.max)).toEqual([])
  })

  it.each([
    [-3, undefined, 'usersPerMonth', 'Users per month must be at least 0; it is -3.'],
    [
      1e13,
      undefined,
      'usersPerMonth',
      'Users per month must be at most 1,000,000,000,000; it is 10,000,000,000,000.',
    ],
    [
      Infinity,
      undefined,
      'usersPerMonth',
      'Users per month is too large to compute: the most allowed is 1,000,000,000,000.',
    ],
    [
      undefined,
      2.5,
      'maxImagesPerUser',
      'Max images per user per month must be a whole number from 0 to 1,000,000,000; it is 2.5.',
    ],
    [
      undefined,
      -1,
      'maxImagesPerUser',
      'Max images per user per month must be at least 0; it is -1.',
    ],
  ])('users %s, quota %s: %s says what is wrong and what is allowed', (u, q, path, message) => {
    expect(errorsOf(u, q)).toEqual([{ path, field: path, message }])
  })

  it('the quota tool names a typed non-number, and reports each field once', () => {
    const typed = quotaExposure({ ...defaultScenario(), usersPerMonth: Number.NaN }, PRICE_BOOK)
    expect(typed.ok).toBe(false)
    if (!typed.ok) {
      expect(typed.errors).toEqual([
        {
          path: 'usersPerMonth',
          field: 'usersPerMonth',
          message: 'Users per month must be a number from 0 to 1,000,000,000,000.',
        },
      ])
    }
    const both = quotaExposure(
      { ...defaultScenario(), usersPerMonth: -1, maxImagesPerUser: -2 },
      PRICE_BOOK,
    )
    expect(both.ok || both.errors.map((e) => e.path)).toEqual(['usersPerMonth', 'maxImagesPerUser'])
  })
})
