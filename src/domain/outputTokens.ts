import type { BilledQuality } from './model'
import { groupedNumber } from './numberText'

/** Detail factor per quality in gpt-image-2's output-token rule. */
const DETAIL: Record<BilledQuality, number> = { low: 16, medium: 48, high: 96 }

export const GPT_IMAGE_2_LIMITS = {
  edgeMultiple: 16,
  maxLongEdge: 3840,
  maxAspectRatio: 3,
  minPixels: 655_360,
  maxPixels: 8_294_400,
  /** Above this, OpenAI marks sizes as experimental. */
  experimentalAbovePixels: 3_686_400,
} as const

/** Image output tokens each streamed partial image adds. */
export const PARTIAL_IMAGE_TOKENS = 100

/**
 * Output tokens of one gpt-image-2 image (before partial images).
 * Decoded from OpenAI's calculator; reproduces every official cell, e.g.
 * `gptImage2OutputTokens('high', 1024, 1024) === 7024`. Caller validates the size.
 */
export function gptImage2OutputTokens(
  quality: BilledQuality,
  width: number,
  height: number,
): number {
  const f = DETAIL[quality]
  const long = Math.max(width, height)
  const short = Math.min(width, height)
  // Round-half-up of f * short / long, in integers so no float lands on .4999.
  const s = Math.floor((2 * f * short + long) / (2 * long))
  // Every operand is an integer below 2^53, so the product is exact before the division.
  return Math.ceil((f * s * (width * height + 2_000_000)) / 4_000_000)
}

/** Nearest multiples of 16 around n, for a message that offers a fix. */
function nearestMultiples(n: number, m: number): string {
  const lower = Math.floor(n / m) * m
  return lower > 0 ? `${groupedNumber(lower)} or ${groupedNumber(lower + m)}` : groupedNumber(m)
}

export interface SizeProblem {
  /** Which input to point at: one edge, or the size as a whole. */
  field: 'width' | 'height' | 'size'
  message: string
}

function edgeProblem(field: 'width' | 'height', value: number, out: SizeProblem[]): void {
  const L = GPT_IMAGE_2_LIMITS
  const label = field === 'width' ? 'Width' : 'Height'
  if (!Number.isInteger(value) || value <= 0) {
    out.push({ field, message: `${label} must be a whole number of pixels above 0.` })
  } else if (value % L.edgeMultiple !== 0) {
    out.push({
      field,
      message: `${label} ${groupedNumber(value)} px is not a multiple of 16; gpt-image-2 needs both edges in multiples of 16 (try ${nearestMultiples(value, L.edgeMultiple)}).`,
    })
  } else if (value > L.maxLongEdge) {
    out.push({
      field,
      message: `${label} ${groupedNumber(value)} px is over gpt-image-2's limit of ${groupedNumber(L.maxLongEdge)} px per edge.`,
    })
  }
}

/**
 * Checks a size against gpt-image-2's published limits; returns every problem
 * (empty when valid). Assumes both edges are finite numbers.
 */
export function gptImage2SizeProblems(width: number, height: number): SizeProblem[] {
  const L = GPT_IMAGE_2_LIMITS
  const problems: SizeProblem[] = []
  edgeProblem('width', width, problems)
  edgeProblem('height', height, problems)
  if (problems.length > 0) return problems
  const long = Math.max(width, height)
  const short = Math.min(width, height)
  const pixels = width * height
  if (long > L.maxAspectRatio * short) {
    problems.push({
      field: 'size',
      message: `${groupedNumber(width)}x${groupedNumber(height)} is wider than gpt-image-2's 3:1 aspect-ratio limit.`,
    })
  }
  if (pixels < L.minPixels || pixels > L.maxPixels) {
    problems.push({
      field: 'size',
      message: `${groupedNumber(width)}x${groupedNumber(height)} is ${groupedNumber(pixels)} pixels; gpt-image-2 allows ${groupedNumber(L.minPixels)} to ${groupedNumber(L.maxPixels)}.`,
    })
  }
  return problems
}
