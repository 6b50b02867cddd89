import { describe, expect, it } from 'vitest'
import { PICKER_SIZES } from '../../src/presets/sizes'

describe('the size picker', () => {
  it('offers the common sizes that have a placement, each once, in the common order', () => {
    expect(PICKER_SIZES.map((s) => `${s.width}x${s.height} ${s.label}`)).toEqual([
      '1024x1024 square (avatars, product cards)',
      '1024x1536 portrait 2:3',
      '1536x1024 landscape 3:2',
      '2048x1152 wide 16:9 (blog headers, heroes)',
      '1152x2048 vertical 9:16 (stories, vertical ads)',
      '2048x2048 large square',
      '2560x1440 1440p wide',
      '1440x2560 1440p vertical',
      '3840x2160 4K wide (experimental)',
      '2160x3840 4K vertical (experimental)',
    ])
  })
})
