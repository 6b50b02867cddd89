/**
 * How a log row is priced: its model looked up in the price book (snapshot
 * suffixes dropped, the default model for a blank), and the book's estimate
 * of one image's output for rows without usage tokens or a cost.
 */
import { outputTokens, PER_MILLION } from '../engine'
import type { BilledQuality } from '../model'
import { findModel } from '../priceBook'
import type { ModelSpec, PriceBook } from '../priceBook'

/** gpt-image-2's size=auto picks; its dearest 1K size is the safe budget (pricing facts). */
export const AUTO_SIZE = 1024

/** What one estimate row costs per image, memoised per model, quality and size. */
interface PerImage {
  tokens: number
  usd: number
}

/**
 * The price book's id for a logged model, or null when the book has none.
 * Logs carry the dated snapshot (gpt-image-2-2026-04-21); the book, the family
 * id. Own keys only: a model logged as "constructor" is not a model.
 */
export function priceBookId(logged: string, book: PriceBook): string | null {
  const id = logged.trim().toLowerCase()
  if (Object.hasOwn(book, id)) return id
  const family = id.replace(/-\d{4}-\d{2}-\d{2}$/, '')
  return Object.hasOwn(book, family) ? family : null
}

/** A logged model as priced: snapshot suffixes dropped, the default model for a blank. */
export class Pricer {
  private readonly specs = new Map<string, ModelSpec | null>()
  private readonly estimates = new Map<string, PerImage | null>()

  /** `defaultModelId`: the model a row without one is priced as. */
  constructor(
    private readonly book: PriceBook,
    readonly defaultModelId: string,
  ) {}

  spec(model: string): ModelSpec | null {
    let spec = this.specs.get(model)
    if (spec === undefined) {
      spec = this.resolve(model)
      this.specs.set(model, spec)
    }
    return spec
  }

  private resolve(model: string): ModelSpec | null {
    const id = model.trim() === '' ? this.defaultModelId : priceBookId(model, this.book)
    return id === null ? null : (findModel(this.book, id) ?? null)
  }

  /** Output of one image as the price book estimates it; null when the model cannot make it. */
  perImage(
    spec: ModelSpec,
    quality: BilledQuality,
    width: number,
    height: number,
  ): PerImage | null {
    const key = `${spec.id}|${quality}|${String(width)}x${String(height)}`
    let hit = this.estimates.get(key)
    if (hit === undefined) {
      hit = this.estimate(spec, quality, width, height)
      this.estimates.set(key, hit)
    }
    return hit
  }

  private estimate(
    spec: ModelSpec,
    quality: BilledQuality,
    width: number,
    height: number,
  ): PerImage | null {
    const r = outputTokens(spec.id, quality, width, height, this.book)
    if (!r.ok) return null
    const table = spec.output.kind === 'table' ? spec.output.perImageUsd : undefined
    // gpt-image-1-mini bills its per-image table, not tokens x rate (as the engine does).
    const listed = table?.[`${width}x${height}`]?.[quality]
    const usd = listed ?? (r.tokens * spec.meters.imageOutput.usdPerMillion) / PER_MILLION
    return { tokens: r.tokens, usd }
  }
}
