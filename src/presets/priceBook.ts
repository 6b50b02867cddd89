import type {
  Basis,
  ModelSpec,
  PriceBook,
  PriceFact,
  QualityTable,
  SizeKey,
} from '../domain/priceBook'
import type { Meter } from '../domain/model'
import { usdPerMillion } from '../domain/units'

// Sources, as listed in shared/pricing-facts.md.
export const SOURCES = {
  imageGuide: 'https://developers.openai.com/api/docs/guides/image-generation',
  pricing: 'https://developers.openai.com/api/docs/pricing#image-generation',
  modelPage: 'https://developers.openai.com/api/docs/models/gpt-image-2',
  apiReference: 'https://developers.openai.com/api/reference/resources/images/methods/generate',
  outputRule:
    'https://community.openai.com/t/gpt-image-2-output-pricing-calculator-online-and-in-your-code/1382699',
  referenceTokens:
    'https://community.openai.com/t/openai-must-document-the-input-image-pricing-of-gpt-image-2/1382940',
  promptOverhead:
    'https://community.openai.com/t/the-half-penny-gpt-image-2-challenge-api-only-gallery/1381388',
} as const

/** The date the official pricing page was last read for this price book. */
export const PRICES_AS_OF = '2026-04-28'

function meters(
  rates: Record<Meter, number>,
  asOf: string = PRICES_AS_OF,
  basis: Basis = 'official',
): Record<Meter, PriceFact> {
  const fact = (n: number): PriceFact => ({
    usdPerMillion: usdPerMillion(n),
    sourceUrl: SOURCES.pricing,
    asOf,
    basis,
  })
  return {
    textInput: fact(rates.textInput),
    cachedTextInput: fact(rates.cachedTextInput),
    imageInput: fact(rates.imageInput),
    cachedImageInput: fact(rates.cachedImageInput),
    imageOutput: fact(rates.imageOutput),
  }
}

const q = (low: number, medium: number, high: number): QualityTable => ({ low, medium, high })
const classic = (
  square: QualityTable,
  portrait: QualityTable,
  landscape: QualityTable,
): Partial<Record<SizeKey, QualityTable>> => ({
  '1024x1024': square,
  '1024x1536': portrait,
  '1536x1024': landscape,
})

/** Output tokens per image of every model before gpt-image-2 (official, image guide). */
const CLASSIC_OUTPUT_TOKENS = classic(q(272, 1056, 4160), q(408, 1584, 6240), q(400, 1568, 6208))

export const GPT_IMAGE_2: ModelSpec = {
  id: 'gpt-image-2',
  label: 'GPT Image 2',
  status: 'available',
  meters: meters({
    textInput: 5,
    cachedTextInput: 1.25,
    imageInput: 8,
    cachedImageInput: 2,
    imageOutput: 30,
  }),
  output: { kind: 'gpt-image-2' },
  officialPerImageUsd: classic(
    q(0.006, 0.053, 0.211),
    q(0.005, 0.041, 0.165),
    q(0.005, 0.041, 0.165),
  ),
  officialPerImageSource: SOURCES.imageGuide,
}

export const PRICE_BOOK: PriceBook = {
  'gpt-image-2': GPT_IMAGE_2,
  'gpt-image-1.5': {
    id: 'gpt-image-1.5',
    label: 'GPT Image 1.5',
    status: 'available',
    meters: meters({
      textInput: 5,
      cachedTextInput: 1.25,
      imageInput: 8,
      cachedImageInput: 2,
      imageOutput: 32,
    }),
    output: { kind: 'table', tokens: CLASSIC_OUTPUT_TOKENS },
    officialPerImageUsd: classic(q(0.009, 0.034, 0.133), q(0.013, 0.05, 0.2), q(0.013, 0.05, 0.2)),
    officialPerImageSource: SOURCES.imageGuide,
  },
  'gpt-image-1-mini': {
    id: 'gpt-image-1-mini',
    label: 'GPT Image 1 mini',
    status: 'deprecated',
    statusNote:
      'Deprecated. Output is billed from its official per-image table, which is not its token count times $8/M.',
    meters: meters({
      textInput: 2,
      cachedTextInput: 0.2,
      imageInput: 2.5,
      cachedImageInput: 0.25,
      imageOutput: 8,
    }),
    output: {
      kind: 'table',
      tokens: CLASSIC_OUTPUT_TOKENS,
      perImageUsd: classic(q(0.005, 0.011, 0.036), q(0.006, 0.015, 0.052), q(0.006, 0.015, 0.052)),
    },
    officialPerImageUsd: classic(
      q(0.005, 0.011, 0.036),
      q(0.006, 0.015, 0.052),
      q(0.006, 0.015, 0.052),
    ),
    officialPerImageSource: SOURCES.imageGuide,
  },
  'gpt-image-1': {
    id: 'gpt-image-1',
    label: 'GPT Image 1',
    status: 'shut down',
    statusNote: 'Shut down on 2026-10-23: kept only to compare against old budgets.',
    meters: meters({
      textInput: 5,
      cachedTextInput: 1.25,
      imageInput: 10,
      cachedImageInput: 2.5,
      imageOutput: 40,
    }),
    output: { kind: 'table', tokens: CLASSIC_OUTPUT_TOKENS },
    officialPerImageUsd: classic(
      q(0.011, 0.042, 0.167),
      q(0.016, 0.063, 0.25),
      q(0.016, 0.063, 0.25),
    ),
    officialPerImageSource: SOURCES.imageGuide,
  },
}

export const DEFAULT_MODEL_ID = 'gpt-image-2'

/**
 * Community estimates shipped as editable defaults (not documented by OpenAI).
 * The UI labels them as estimates.
 */
export const ESTIMATES = {
  /** Prompt overhead per generation on top of the prompt's own tokens. */
  promptOverheadTokens: { value: 6, sourceUrl: SOURCES.promptOverhead, basis: 'estimate' },
  /** Input tokens of one 1024x1024 reference image (gpt-image-2 reads inputs at high fidelity). */
  referenceImageTokens1024: { value: 1024, sourceUrl: SOURCES.referenceTokens, basis: 'estimate' },
  /** Ceiling of input tokens per reference image. */
  referenceImageTokensMax: { value: 1536, sourceUrl: SOURCES.referenceTokens, basis: 'estimate' },
} as const
