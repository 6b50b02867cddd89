/**
 * What OpenAI billed, from its cost export or Costs API pages
 * (docs/usage-log-format.md, "Billed costs"): per calendar month (UTC), the
 * image models' cost by meter, other models' lines, line items the app
 * cannot place and amounts in other currencies, each kept apart.
 */
import type { ByMeter, Meter } from '../model'
import { METERS } from '../model'
import type { Usd } from '../units'

/** One billed amount: a day's cost of one line item in one project. */
export interface CostLine {
  /** Row (CSV, header = 1), or result number in the file (JSON), for messages. */
  row: number
  /** Start of the bucket, ms since the epoch (UTC). */
  startMs: number
  /** Amount in `currency`, never negative. */
  amount: number
  /** Lower case, as billed: usd, eur… */
  currency: string
  /** As billed, like "gpt-image-2 image, output"; null when the export is not grouped by line item. */
  lineItem: string | null
  /** Project name, else its id; null when not grouped by project. */
  project: string | null
  /** Tokens billed (Costs API `quantity` in tokens); null when not given. */
  tokens: number | null
}

/** Where a line item goes: a meter of an image model, another model's line, or nowhere known. */
export type LineKind =
  | { kind: 'meter'; model: string; meter: Meter }
  | { kind: 'other'; model: string }
  | { kind: 'unknown' }

const MODEL_LINE = /^(\S+?)(?:\s+(.*?))?,\s*(.+)$/

/**
 * Places a line item by its words: "<model> image, output" is image
 * output, "<model> text, input" text input, "<model> image, input" image
 * input, and "cached" makes an input the cached meter. A line of a model
 * `isImageModel` does not know (a chat model) is `other`; anything else is
 * `unknown`, to be listed with its total.
 * @example classifyLineItem('gpt-image-2 image, output', (m) => m === 'gpt-image-2') // { kind: 'meter', model: 'gpt-image-2', meter: 'imageOutput' }
 */
export function classifyLineItem(
  lineItem: string | null,
  isImageModel: (model: string) => boolean,
): LineKind {
  if (lineItem === null) return { kind: 'unknown' }
  const m = MODEL_LINE.exec(lineItem.trim().toLowerCase())
  if (!m) return { kind: 'unknown' }
  const model = m[1] ?? ''
  const words = `${m[2] ?? ''} ${m[3] ?? ''}`.split(/[\s,]+/).filter((w) => w !== '')
  if (!isImageModel(model)) {
    // "<model>, input" or "<model> text, output": a model's own line, not an image model's.
    const io = words.includes('input') || words.includes('output')
    return io ? { kind: 'other', model } : { kind: 'unknown' }
  }
  const has = (w: string) => words.includes(w)
  const cached = has('cached')
  if (has('image') && has('output') && !cached)
    return { kind: 'meter', model, meter: 'imageOutput' }
  if (has('image') && has('input')) {
    return { kind: 'meter', model, meter: cached ? 'cachedImageInput' : 'imageInput' }
  }
  if (has('text') && has('input')) {
    return { kind: 'meter', model, meter: cached ? 'cachedTextInput' : 'textInput' }
  }
  return { kind: 'unknown' }
}

/** A line item and what it came to, in USD, within one month. */
export interface LineTotal {
  lineItem: string
  usd: Usd
  rows: number
}

/** An amount in a currency other than USD, never added to USD. */
export interface ForeignTotal {
  currency: string
  amount: number
  rows: number
}

/** What one calendar month (UTC) billed, for all projects or one. */
export interface BillMonth {
  /** "2026-04" */
  month: string
  /** null: every project together. */
  project: string | null
  daysInMonth: number
  /** Distinct days (UTC) with at least one billed line. */
  daysCovered: number
  /** First and last day covered, "2026-04-01". */
  firstDay: string
  lastDay: string
  /** Image models' cost by meter, in USD. */
  usdByMeter: ByMeter<Usd>
  /** Sum of usdByMeter. */
  imageUsd: Usd
  /** Image models billed, with their USD. */
  imageModels: { model: string; usd: Usd }[]
  /**
   * Tokens billed per image model and meter, from results with a quantity;
   * a meter is absent when no result of it gave one.
   */
  tokens: { model: string; byMeter: Partial<ByMeter<number>> }[]
  /** Lines of other models, left out of the image comparison. */
  other: LineTotal[]
  /** Lines the app cannot place; `lineItem` is "(no line item)" for ungrouped rows. */
  unknown: LineTotal[]
  /** Amounts in other currencies, kept apart. */
  foreign: ForeignTotal[]
}

export interface BillSummary {
  /** Every project together, month by month (oldest first). */
  months: BillMonth[]
  /** Images billed per month, from Usage API pages for images (oldest first). */
  images: ImagesMonth[]
  /** Per project and month, when the file names two or more projects; else empty. */
  byProject: BillMonth[]
  /** Projects named, in order of first appearance. */
  projects: string[]
}

const DAY_MS = 86_400_000
const NO_LINE_ITEM = '(no line item)'

const zero = (): ByMeter<number> => ({
  textInput: 0,
  cachedTextInput: 0,
  imageInput: 0,
  cachedImageInput: 0,
  imageOutput: 0,
})

const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10)

class MonthAcc {
  readonly days = new Set<number>()
  readonly meters = zero()
  readonly models = new Map<string, number>()
  readonly tokens = new Map<string, Partial<ByMeter<number>>>()
  readonly other = new Map<string, { usd: number; rows: number }>()
  readonly unknown = new Map<string, { usd: number; rows: number }>()
  readonly foreign = new Map<string, { amount: number; rows: number }>()

  constructor(
    readonly month: string,
    readonly project: string | null,
    readonly daysInMonth: number,
  ) {}

  add(line: CostLine, kind: LineKind): void {
    this.days.add(Math.floor(line.startMs / DAY_MS))
    if (line.currency !== 'usd') {
      const f = this.foreign.get(line.currency) ?? { amount: 0, rows: 0 }
      f.amount += line.amount
      f.rows++
      this.foreign.set(line.currency, f)
      return
    }
    if (kind.kind === 'meter') {
      this.meters[kind.meter] += line.amount
      this.models.set(kind.model, (this.models.get(kind.model) ?? 0) + line.amount)
      if (line.tokens !== null) {
        const t = this.tokens.get(kind.model) ?? {}
        t[kind.meter] = (t[kind.meter] ?? 0) + line.tokens
        this.tokens.set(kind.model, t)
      }
      return
    }
    const into = kind.kind === 'other' ? this.other : this.unknown
    const key = line.lineItem ?? NO_LINE_ITEM
    const t = into.get(key) ?? { usd: 0, rows: 0 }
    t.usd += line.amount
    t.rows++
    into.set(key, t)
  }

  finish(): BillMonth {
    const days = [...this.days].sort((a, b) => a - b)
    const lines = (m: Map<string, { usd: number; rows: number }>): LineTotal[] =>
      [...m]
        .map(([lineItem, t]) => ({ lineItem, usd: t.usd as Usd, rows: t.rows }))
        .sort((a, b) => b.usd - a.usd)
    let imageUsd = 0
    for (const meter of METERS) imageUsd += this.meters[meter]
    return {
      month: this.month,
      project: this.project,
      daysInMonth: this.daysInMonth,
      daysCovered: days.length,
      firstDay: isoDay(days[0] ?? 0),
      lastDay: isoDay(days[days.length - 1] ?? 0),
      usdByMeter: this.meters as ByMeter<Usd>,
      imageUsd: imageUsd as Usd,
      imageModels: [...this.models]
        .map(([model, usd]) => ({ model, usd: usd as Usd }))
        .sort((a, b) => b.usd - a.usd),
      tokens: [...this.tokens].map(([model, byMeter]) => ({ model, byMeter })),
      other: lines(this.other),
      unknown: lines(this.unknown),
      foreign: [...this.foreign]
        .map(([currency, f]) => ({ currency, amount: f.amount, rows: f.rows }))
        .sort((a, b) => a.currency.localeCompare(b.currency)),
    }
  }
}

function monthOf(ms: number): { key: string; days: number } {
  const d = new Date(ms)
  const y = d.getUTCFullYear()
  const m = d.getUTCMonth()
  const days = new Date(Date.UTC(y, m + 1, 1)).getTime() - Date.UTC(y, m, 1)
  return { key: `${String(y)}-${String(m + 1).padStart(2, '0')}`, days: days / DAY_MS }
}

/**
 * Sums billed lines per calendar month (UTC, by each line's start time),
 * and per project and month when two or more projects are named. Amounts in
 * USD are split into image meters (by classifyLineItem), other models and
 * unknown line items; other currencies are summed apart.
 * @example summariseBill(lines, isImageModel).months[0]?.usdByMeter.imageOutput // e.g. 1.6
 */
export function summariseBill(
  lines: readonly CostLine[],
  isImageModel: (model: string) => boolean,
  imageLines: readonly ImageUsageLine[] = [],
): BillSummary {
  const all = new Map<string, MonthAcc>()
  const perProject = new Map<string, MonthAcc>()
  const projects: string[] = []
  const seen = new Set<string>()
  const kinds = new Map<string | null, LineKind>()
  for (const line of lines) {
    let kind = kinds.get(line.lineItem)
    if (kind === undefined) {
      kind = classifyLineItem(line.lineItem, isImageModel)
      kinds.set(line.lineItem, kind)
    }
    const { key, days } = monthOf(line.startMs)
    let acc = all.get(key)
    if (!acc) {
      acc = new MonthAcc(key, null, days)
      all.set(key, acc)
    }
    acc.add(line, kind)
    if (line.project === null) continue
    if (!seen.has(line.project)) {
      seen.add(line.project)
      projects.push(line.project)
    }
    const pk = `${key}\u0000${line.project}`
    let p = perProject.get(pk)
    if (!p) {
      p = new MonthAcc(key, line.project, days)
      perProject.set(pk, p)
    }
    p.add(line, kind)
  }
  const byMonth = (a: BillMonth, b: BillMonth) => a.month.localeCompare(b.month)
  return {
    months: [...all.values()].map((a) => a.finish()).sort(byMonth),
    images: summariseImages(imageLines),
    byProject:
      projects.length > 1
        ? [...perProject.values()]
            .map((a) => a.finish())
            .sort(
              (a, b) =>
                byMonth(a, b) ||
                projects.indexOf(a.project ?? '') - projects.indexOf(b.project ?? ''),
            )
        : [],
    projects,
  }
}

/** One meter of a month: billed beside the estimate for the days the bill covers. */
export interface MeterComparison {
  meter: Meter
  billedUsd: Usd
  estimateUsd: Usd
  differenceUsd: Usd
  /** Difference over the estimate; null when the estimate is 0. */
  differenceShare: number | null
}

export interface MonthComparison {
  meters: MeterComparison[]
  total: Omit<MeterComparison, 'meter'>
  /** 0..1: the share of the month's estimate compared, daysCovered / daysInMonth. */
  proRata: number
}

/**
 * A month's billed image cost by meter beside a monthly estimate by meter.
 * A month the bill covers in part is compared with the same share of the
 * estimate (days covered over days in the month), so a half month does not
 * read as half the budget.
 * @example compareMonth(month, result.costByMeter).total.differenceUsd // e.g. -12.4
 */
export function compareMonth(month: BillMonth, estimate: ByMeter<Usd>): MonthComparison {
  const proRata = month.daysInMonth > 0 ? Math.min(1, month.daysCovered / month.daysInMonth) : 0
  const row = (billed: number, est: number) => ({
    billedUsd: billed as Usd,
    estimateUsd: est as Usd,
    differenceUsd: (billed - est) as Usd,
    differenceShare: est > 0 ? (billed - est) / est : null,
  })
  let billed = 0
  let est = 0
  const meters = METERS.map((meter) => {
    const b = month.usdByMeter[meter]
    const e = estimate[meter] * proRata
    billed += b
    est += e
    return { meter, ...row(b, e) }
  })
  return { meters, total: row(billed, est), proRata }
}

/** One result of Usage API pages for images: a day's images of one model, size and source. */
export interface ImageUsageLine {
  row: number
  startMs: number
  images: number
  requests: number
  /** null when the pages are not grouped by it. */
  model: string | null
  size: string | null
  /** image.generation, image.edit or image.variation. */
  source: string | null
}

/** Images billed in one calendar month (UTC), by model, size and source. */
export interface ImagesMonth {
  month: string
  daysInMonth: number
  daysCovered: number
  firstDay: string
  lastDay: string
  images: number
  requests: number
  /** Most images first; a null key was not grouped by. */
  kinds: {
    model: string | null
    size: string | null
    source: string | null
    images: number
    requests: number
  }[]
}

/**
 * Sums Usage API image results per calendar month (UTC, by bucket start),
 * by model, size and source.
 * @example summariseImages(lines)[0]?.images // e.g. 120
 */
export function summariseImages(lines: readonly ImageUsageLine[]): ImagesMonth[] {
  const months = new Map<
    string,
    { days: number; covered: Set<number>; kinds: Map<string, ImagesMonth['kinds'][number]> }
  >()
  for (const l of lines) {
    const { key, days } = monthOf(l.startMs)
    let m = months.get(key)
    if (!m) {
      m = { days, covered: new Set(), kinds: new Map() }
      months.set(key, m)
    }
    m.covered.add(Math.floor(l.startMs / DAY_MS))
    const k = JSON.stringify([l.model, l.size, l.source])
    const kind = m.kinds.get(k) ?? {
      model: l.model,
      size: l.size,
      source: l.source,
      images: 0,
      requests: 0,
    }
    kind.images += l.images
    kind.requests += l.requests
    m.kinds.set(k, kind)
  }
  return [...months]
    .map(([month, m]) => {
      const days = [...m.covered].sort((a, b) => a - b)
      const kinds = [...m.kinds.values()].sort((a, b) => b.images - a.images)
      return {
        month,
        daysInMonth: m.days,
        daysCovered: days.length,
        firstDay: isoDay(days[0] ?? 0),
        lastDay: isoDay(days[days.length - 1] ?? 0),
        images: kinds.reduce((s, k) => s + k.images, 0),
        requests: kinds.reduce((s, k) => s + k.requests, 0),
        kinds,
      }
    })
    .sort((a, b) => a.month.localeCompare(b.month))
}

/**
 * The jobs per month that make a scenario bill as many images as a month
 * of usage did: the month's images (scaled to the whole month when it is
 * covered in part) over the images the scenario bills per job (its billed
 * images per month / its jobs per month, retries included). null when the
 * scenario bills no images or the month none.
 * @example jobsForImages(month, 6325, 1000) // e.g. { jobs: 1265, monthImages: 8000 }
 */
export function jobsForImages(
  month: ImagesMonth,
  billableImagesPerMonth: number,
  jobsPerMonth: number,
): { jobs: number; monthImages: number } | null {
  if (
    billableImagesPerMonth <= 0 ||
    jobsPerMonth <= 0 ||
    month.images <= 0 ||
    month.daysCovered <= 0
  ) {
    return null
  }
  const monthImages = (month.images * month.daysInMonth) / month.daysCovered
  const perJob = billableImagesPerMonth / jobsPerMonth
  return { jobs: Math.max(1, Math.round(monthImages / perJob)), monthImages }
}

/** One month and image model where billed tokens and billed images meet. */
export interface BilledTokensPerImage {
  month: string
  model: string
  images: number
  /** Sizes of those images, as the Usage API grouped them; empty when not grouped by size. */
  sizes: string[]
  /** Image output tokens billed. */
  outputTokens: number
  outputPerImage: number
  /** null when no text (or image) input result gave a quantity. */
  textPerImage: number | null
  imagePerImage: number | null
}

/**
 * Where Costs API results with a quantity in tokens and Usage API image
 * counts cover the same days of a month and the same image model: the
 * tokens billed per image. Months whose costs and images cover different
 * days are left out (a per-image figure over different days would mislead);
 * images not grouped by model count for a month's only image model.
 * @example billedTokensPerImage(bill)[0]?.outputPerImage // e.g. 1756
 */
export function billedTokensPerImage(bill: BillSummary): {
  meets: BilledTokensPerImage[]
  /** Months with both, whose days differ: named, so their absence is explained. */
  differentDays: string[]
} {
  const meets: BilledTokensPerImage[] = []
  const differentDays: string[] = []
  for (const m of bill.months) {
    const images = bill.images.find((i) => i.month === m.month)
    const withOutput = m.tokens.filter((t) => (t.byMeter.imageOutput ?? 0) > 0)
    if (!images || withOutput.length === 0) continue
    if (
      images.daysCovered !== m.daysCovered ||
      images.firstDay !== m.firstDay ||
      images.lastDay !== m.lastDay
    ) {
      differentDays.push(m.month)
      continue
    }
    const only = m.imageModels.length === 1 ? m.imageModels[0]?.model : undefined
    for (const t of withOutput) {
      const kinds = images.kinds.filter(
        (k) =>
          k.model === t.model ||
          (k.model !== null && k.model.replace(/-\d{4}-\d{2}-\d{2}$/, '') === t.model) ||
          (k.model === null && only === t.model),
      )
      const count = kinds.reduce((s, k) => s + k.images, 0)
      if (count <= 0) continue
      const per = (n: number | undefined) => (n === undefined ? null : n / count)
      const output = t.byMeter.imageOutput ?? 0
      meets.push({
        month: m.month,
        model: t.model,
        images: count,
        sizes: [...new Set(kinds.flatMap((k) => (k.size === null ? [] : [k.size])))],
        outputTokens: output,
        outputPerImage: output / count,
        textPerImage: per(t.byMeter.textInput),
        imagePerImage: per(t.byMeter.imageInput),
      })
    }
  }
  return { meets, differentDays }
}
