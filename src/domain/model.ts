import type { Usd, UsdPerMillionTokens, Tokens } from './units'

/** The `quality` request parameter. `auto` is billed at whatever the model used. */
export type Quality = 'low' | 'medium' | 'high' | 'auto'
/** A quality the API actually bills: what `auto` resolves to. */
export type BilledQuality = Exclude<Quality, 'auto'>

export const QUALITIES: readonly Quality[] = ['low', 'medium', 'high', 'auto']
export const BILLED_QUALITIES: readonly BilledQuality[] = ['low', 'medium', 'high']

/** The five billed meters of an image model, each priced in USD per 1M tokens. */
export type Meter =
  'textInput' | 'cachedTextInput' | 'imageInput' | 'cachedImageInput' | 'imageOutput'
export const METERS: readonly Meter[] = [
  'textInput',
  'cachedTextInput',
  'imageInput',
  'cachedImageInput',
  'imageOutput',
]

export type MeterPrices = Record<Meter, UsdPerMillionTokens>
export type ByMeter<T> = Record<Meter, T>

/** One step of a workflow (draft, QA, final…) generating images at one quality and size. */
export interface Stage {
  name: string
  quality: Quality
  /** What `auto` is budgeted as: high is the safe ceiling. */
  autoBilledAs: BilledQuality
  /** Output width in pixels. */
  width: number
  /** Output height in pixels. */
  height: number
  /** API requests per job that reaches this stage. */
  imagesPerJob: number
  /** `n`: images returned by one request, integer 1..10. */
  outputsPerRequest: number
  /** 0..1: share of the scenario's jobs that reach this stage (approval gates). */
  reachShare: number
  /** >= 1: billable attempts per kept image (discarded candidates and retries). */
  retryMultiplier: number
  /** Text input tokens per generated image. */
  promptTokens: number
  /** Reference images sent with each request (edits), integer 0..16. */
  referenceImages: number
  /** Input tokens per reference image (an estimate: about 1,024 for 1024x1024). */
  referenceImageTokens: number
  /** 0..1 of input tokens billed at the cached rates. */
  cachedInputShare: number
  /** Streamed partial images, integer 0..3; each adds 100 image output tokens. */
  partialImages: number
  /**
   * Whether the images kept at this stage are the workflow's delivered finals
   * (the "Delivers final images" checkbox). Unset: the default rule in
   * `finals.ts` decides from the stage's place and quality.
   */
  deliversFinal?: boolean
}

/**
 * A stage with neutral values: one image per job, no retries, no inputs beyond the prompt.
 * @example blankStage('Draft').retryMultiplier // 1
 */
export function blankStage(name: string): Stage {
  return {
    name,
    quality: 'medium',
    autoBilledAs: 'high',
    width: 1024,
    height: 1024,
    imagesPerJob: 1,
    outputsPerRequest: 1,
    reachShare: 1,
    retryMultiplier: 1,
    promptTokens: 120,
    referenceImages: 0,
    referenceImageTokens: 1024,
    cachedInputShare: 0,
    partialImages: 0,
  }
}

/** A monthly plan: one trigger (jobs per month) feeding one or more stages. */
export interface Scenario {
  name: string
  /** A model id from the price book, e.g. 'gpt-image-2'. */
  modelId: string
  jobsPerMonth: number
  /** Batch API: 50% off every meter. */
  batch: boolean
  /** Per-scenario overrides of the price book (negotiated or re-checked rates). */
  prices?: Partial<Record<Meter, number>>
  /** ISO date (YYYY-MM-DD) the prices were last checked against OpenAI's page. */
  pricesCheckedOn?: string
  /** Users who can trigger generation in a month (for quota exposure). */
  usersPerMonth?: number
  /** Most images one user may generate in a month; unset means no quota. */
  maxImagesPerUser?: number
  /**
   * Growth of jobs per month, month on month, as a fraction (0.1 is 10%): the 12-month
   * projection compounds it. Unset: no growth.
   */
  monthlyGrowth?: number
  /** The projection's first month, "YYYY-MM". Unset: the current month. */
  startMonth?: string
  stages: Stage[]
}

/** A field that cannot be computed, and why: data the UI shows next to that field. */
export interface FieldError {
  /** Dotted path into the scenario, e.g. 'stages.1.width' or 'jobsPerMonth'. */
  path: string
  /** The field's name in the data model, e.g. 'width'. */
  field: string
  /** Index of the stage the field belongs to, when it belongs to one. */
  stageIndex?: number
  stageName?: string
  /** What is wrong and what is allowed, in a sentence. */
  message: string
}

/** Something a budget owner should know that does not stop the computation. */
export interface Notice {
  path: string
  message: string
}

export interface StageResult {
  name: string
  billedQuality: BilledQuality
  /** Output tokens for one image at this stage's size and billed quality (partials excluded). */
  outputTokensPerImage: Tokens
  /** Jobs per month that reach this stage. */
  jobs: number
  billableRequests: number
  billableImages: number
  /** Images that survive the retry loop: jobs x imagesPerJob. */
  keptImages: number
  /** Whether this stage's kept images are delivered finals (the stage's flag or the default rule). */
  deliversFinal: boolean
  tokensByMeter: ByMeter<Tokens>
  costByMeter: ByMeter<Usd>
  costUsd: Usd
  /** What one billed output image costs, inputs included. */
  costPerBillableImageUsd: Usd | null
}

export interface ScenarioTotals {
  monthlyCostUsd: Usd
  annualCostUsd: Usd
  /** null when there are no jobs: a cost per zero jobs is not a number. */
  costPerJobUsd: Usd | null
  /**
   * Monthly cost over the kept images of every stage, drafts included: not what
   * a delivered image costs (see costPerDeliveredImageUsd). null when none is kept.
   */
  costPerKeptImageUsd: Usd | null
  /** Monthly cost over `deliveredImages`; null when no final image is delivered. */
  costPerDeliveredImageUsd: Usd | null
  billableImages: number
  keptImages: number
  /** Kept images of the stages that deliver final images. */
  deliveredImages: number
  costByMeter: ByMeter<Usd>
  tokensByMeter: ByMeter<Tokens>
  stages: StageResult[]
  /** The prices actually used, after overrides. */
  prices: MeterPrices
  notices: Notice[]
}

export type ScenarioResult =
  | ({ ok: true; errors: readonly [] } & ScenarioTotals)
  | { ok: false; monthlyCostUsd: null; errors: FieldError[]; notices: Notice[] }
