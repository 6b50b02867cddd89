/** Sizes people pick most, with the placement each suits (from the guide's placement table). */
export interface CommonSize {
  width: number
  height: number
  label: string
}

export const COMMON_SIZES: readonly CommonSize[] = [
  { width: 1024, height: 1024, label: 'square (avatars, product cards)' },
  { width: 1024, height: 1536, label: 'portrait 2:3' },
  { width: 1536, height: 1024, label: 'landscape 3:2' },
  { width: 1152, height: 2048, label: 'vertical 9:16 (stories, vertical ads)' },
  { width: 2048, height: 1152, label: 'wide 16:9 (blog headers, heroes)' },
  { width: 2048, height: 2048, label: 'large square' },
  { width: 1440, height: 2560, label: '1440p vertical' },
  { width: 2560, height: 1440, label: '1440p wide' },
  { width: 2160, height: 3840, label: '4K vertical (experimental)' },
  { width: 3840, height: 2160, label: '4K wide (experimental)' },
]

/** The retry multiplier to start from, by how settled the workflow is. Measure yours. */
export const RETRY_QUICK_PICKS = [
  { label: 'New prompt, no review loop', value: 2 },
  { label: 'Template with light QA', value: 1.5 },
  { label: 'Stable template, approved references', value: 1.2 },
] as const
