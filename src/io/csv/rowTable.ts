/** The rows of a scenario CSV as typed columns, from which import builds the stages. */
import type { BilledQuality, Quality, Stage } from '../../domain/model'
import { BILLED_QUALITIES, QUALITIES } from '../../domain/model'

/** Numbers of a stage, in Stage field order (width first, partialImages last). */
export const STAGE_NUMBERS = 11

/**
 * Every row read so far, by row ordinal (0 for the first row below the
 * header), column by column in typed arrays, until the scenarios are built at
 * the end. Stage objects made while reading live until the end, so every
 * minor collection during the parse (papaparse makes plenty of garbage)
 * copied all made so far; numbers in typed arrays are never copied.
 */
export class RowTable {
  length = 0
  /** Spreadsheet row of each row. */
  row: Int32Array
  /** Columns reported on each row, a bit per column (by COL). */
  bad: Int32Array
  /** Scenario of each row, an index in the order scenarios first appear; -1 for none. */
  group: Int32Array
  numbers: Float64Array
  /** Index in QUALITIES of each quality and in BILLED_QUALITIES of each auto_billed_as. */
  private quality: Uint8Array
  private billedAs: Uint8Array
  /** delivers_final of each row: 0 blank (the default rule decides), 1 false, 2 true. */
  finals: Uint8Array
  private readonly names: string[] = []

  /** `capacity`: the rows expected; more only cost copying the columns. */
  constructor(capacity: number) {
    const n = Math.max(16, capacity)
    this.row = new Int32Array(n)
    this.bad = new Int32Array(n)
    this.group = new Int32Array(n)
    this.numbers = new Float64Array(n * STAGE_NUMBERS)
    this.quality = new Uint8Array(n)
    this.billedAs = new Uint8Array(n)
    this.finals = new Uint8Array(n)
  }

  /**
   * Appends a row; returns its ordinal. Its stage numbers go in `numbers`
   * from index ordinal * STAGE_NUMBERS, in Stage field order.
   */
  add(row: number, name: string, quality: number, billedAs: number): number {
    const i = this.length
    if (i === this.row.length) this.grow()
    this.length = i + 1
    this.row[i] = row
    this.names.push(name)
    this.quality[i] = quality
    this.billedAs[i] = billedAs
    this.finals[i] = 0
    return i
  }

  private grow(): void {
    const capacity = this.row.length * 2
    const widen = <T extends Int32Array | Uint8Array | Float64Array>(
      a: T,
      make: (n: number) => T,
      per = 1,
    ): T => {
      const b = make(capacity * per)
      b.set(a)
      return b
    }
    this.row = widen(this.row, (n) => new Int32Array(n))
    this.bad = widen(this.bad, (n) => new Int32Array(n))
    this.group = widen(this.group, (n) => new Int32Array(n))
    this.numbers = widen(this.numbers, (n) => new Float64Array(n), STAGE_NUMBERS)
    this.quality = widen(this.quality, (n) => new Uint8Array(n))
    this.billedAs = widen(this.billedAs, (n) => new Uint8Array(n))
    this.finals = widen(this.finals, (n) => new Uint8Array(n))
  }

  /** The "delivers final images" flag of row `i`, or undefined when its cell was blank. */
  finalFlag(i: number): boolean | undefined {
    const final = this.finals[i]
    return final ? final === 2 : undefined
  }

  /** The stage of row `i`, a new object, without its final flag (see `finalFlag`). */
  stage(i: number): Stage {
    const n = this.numbers
    const b = i * STAGE_NUMBERS
    const stage: Stage = {
      name: this.names[i] as string,
      quality: QUALITIES[this.quality[i] as number] as Quality,
      autoBilledAs: BILLED_QUALITIES[this.billedAs[i] as number] as BilledQuality,
      width: small(n[b] as number),
      height: small(n[b + 1] as number),
      imagesPerJob: small(n[b + 2] as number),
      outputsPerRequest: small(n[b + 3] as number),
      reachShare: small(n[b + 4] as number),
      retryMultiplier: small(n[b + 5] as number),
      promptTokens: small(n[b + 6] as number),
      referenceImages: small(n[b + 7] as number),
      referenceImageTokens: small(n[b + 8] as number),
      cachedInputShare: small(n[b + 9] as number),
      partialImages: small(n[b + 10] as number),
    }
    return stage
  }
}

/**
 * The same number, as a small integer when it is one (not -0). A number read
 * from a Float64Array is a double to the engine; stored as is, every field
 * of every stage became a separately allocated box.
 */
function small(v: number): number {
  const i = v | 0
  return i === v && (i !== 0 || 1 / v > 0) ? i : v
}
