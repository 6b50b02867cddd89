import type { SizeKey } from '../domain/priceBook'
import type { Size } from '../domain/sizes'
import { COMMON_GPT_IMAGE_2_SIZES } from '../domain/sizes'

/** A size the size picker offers, with the placement it suits. */
export interface CommonSize extends Size {
  label: string
}

/** The placement each size suits, from the guide's placement table. */
const PLACEMENTS: Partial<Record<SizeKey, string>> = {
  '1024x1024': 'square (avatars, product cards)',
  '1024x1536': 'portrait 2:3',
  '1536x1024': 'landscape 3:2',
  '1152x2048': 'vertical 9:16 (stories, vertical ads)',
  '2048x1152': 'wide 16:9 (blog headers, heroes)',
  '2048x2048': 'large square',
  '1440x2560': '1440p vertical',
  '2560x1440': '1440p wide',
  '2160x3840': '4K vertical (experimental)',
  '3840x2160': '4K wide (experimental)',
}

/** What the size picker offers for gpt-image-2: the common sizes that have a placement. */
export const PICKER_SIZES: readonly CommonSize[] = COMMON_GPT_IMAGE_2_SIZES.flatMap((size) => {
  const label = PLACEMENTS[`${size.width}x${size.height}`]
  return label === undefined ? [] : [{ ...size, label }]
})

/** The retry multiplier to start from, by how settled the workflow is. Measure yours. */
export const RETRY_QUICK_PICKS = [
  { label: 'New prompt, no review loop', value: 2 },
  { label: 'Template with light QA', value: 1.5 },
  { label: 'Stable template, approved references', value: 1.2 },
] as const
