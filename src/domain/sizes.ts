import { gptImage2SizeProblems } from './outputTokens'

/** An image size in pixels. */
export interface Size {
  width: number
  height: number
}

/**
 * Sizes people ask gpt-image-2 for most (1K classics, 16:9 and 9:16, 4:3,
 * 1440p, 4K), kept only when valid for gpt-image-2. Roughly by pixel count:
 * the order decides which of a size and its transpose the tornado steps to when
 * both are as close, so keep it. Sensitivity re-orders them by output tokens at
 * each stage's quality, since tokens are not proportional to pixels; the size
 * picker offers those that have a placement (presets/sizes.ts).
 */
export const COMMON_GPT_IMAGE_2_SIZES: readonly Size[] = [
  { width: 1280, height: 720 },
  { width: 720, height: 1280 },
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
  { width: 1024, height: 1024 },
  { width: 1024, height: 1536 },
  { width: 1536, height: 1024 },
  { width: 1792, height: 1024 },
  { width: 1024, height: 1792 },
  { width: 2048, height: 1152 },
  { width: 1152, height: 2048 },
  { width: 1536, height: 1536 },
  { width: 2048, height: 1536 },
  { width: 1536, height: 2048 },
  { width: 2048, height: 2048 },
  { width: 2560, height: 1440 },
  { width: 1440, height: 2560 },
  { width: 3840, height: 2160 },
  { width: 2160, height: 3840 },
].filter((s) => gptImage2SizeProblems(s.width, s.height).length === 0)
