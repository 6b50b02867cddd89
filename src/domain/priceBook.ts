import type { CustomModel } from './customModels'
import type { BilledQuality, Meter } from './model'
import type { UsdPerMillionTokens } from './units'

/** How sure we are of a figure: OpenAI's own page, computed from it, or measured by others. */
export type Basis = 'official' | 'derived' | 'estimate'

/** One price, with where it came from so a budget owner can re-check it. */
export interface PriceFact {
  usdPerMillion: UsdPerMillionTokens
  sourceUrl: string
  /** ISO date the figure was read from the source. */
  asOf: string
  basis: Basis
}

/** 'WIDTHxHEIGHT', e.g. '1536x1024'. */
export type SizeKey = `${number}x${number}`
export type QualityTable = Record<BilledQuality, number>

/**
 * How a model turns (quality, size) into billed output.
 * - `gpt-image-2`: the published rule for any valid size (see outputTokens.ts).
 * - `table`: a fixed table at a few sizes; other sizes are not offered by the model.
 *   `perImageUsd` is set when OpenAI bills the table's dollar amounts rather than
 *   tokens x rate (gpt-image-1-mini: its table is not its tokens times $8/M).
 */
export type OutputRule =
  | { kind: 'gpt-image-2' }
  | {
      kind: 'table'
      tokens: Partial<Record<SizeKey, QualityTable>>
      perImageUsd?: Partial<Record<SizeKey, QualityTable>>
    }
  /** Billed per image by quality, the same at every size the model makes (custom models). */
  | { kind: 'perImage'; usd: QualityTable }
  /** Billed per megapixel (width x height / 1e6) by quality (custom models). */
  | { kind: 'perMegapixel'; usd: QualityTable }

export type ModelStatus = 'available' | 'deprecated' | 'shut down'

export interface ModelSpec {
  id: string
  label: string
  status: ModelStatus
  /** Why the status matters, e.g. the shut-down date. */
  statusNote?: string
  meters: Record<Meter, PriceFact>
  output: OutputRule
  /** OpenAI's published per-image prices (USD) at the three classic sizes, for display and checks. */
  officialPerImageUsd: Partial<Record<SizeKey, QualityTable>>
  officialPerImageSource: string
  /**
   * The only sizes the model makes, for rules that could otherwise price any size
   * (a custom model's list); a `table` model makes its table's sizes.
   */
  sizes?: readonly SizeKey[]
  /** Set on a model the person added to the worksheet (see customModels.ts). */
  custom?: { sourceUrl: string; asOf: string; definition: CustomModel }
}

export type PriceBook = Readonly<Record<string, ModelSpec>>

/**
 * The model a book prices under this id, looked up among the book's own keys:
 * an id from a file or saved state such as "constructor" is not a model.
 * @example findModel(PRICE_BOOK, 'gpt-image-2')?.label // 'GPT Image 2'
 */
export function findModel(book: PriceBook, id: string): ModelSpec | undefined {
  return Object.hasOwn(book, id) ? book[id] : undefined
}
