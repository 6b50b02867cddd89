import type { Scenario } from '../domain/model'
import { blankStage } from '../domain/model'
import { DEFAULT_MODEL_ID } from './priceBook'

/**
 * The ids are a closed set so `presetScenario` can never be asked for a preset
 * that does not exist: a string from a form goes through `isUseCasePresetId` first.
 */
export const USE_CASE_PRESET_IDS = [
  'saas-onboarding-thumbnails',
  'marketplace-listing-images',
  'growth-campaign-creative',
  'blog-headers',
  'paid-social-ads',
] as const

export type UseCasePresetId = (typeof USE_CASE_PRESET_IDS)[number]

/** A worked example from the pricing guide, ready to load as a scenario and edit. */
export interface UseCasePreset {
  id: UseCasePresetId
  title: string
  /** One line: how the guide recommends spending on this use case. */
  strategy: string
  /** Which numbers are placeholders the budget owner should replace with their own. */
  exampleNote: string
  scenario: Scenario
}

function scenario(title: string, jobsPerMonth: number, stages: Scenario['stages']): Scenario {
  // Images API calls are assumed throughout: no batch discount and no cached
  // input (cached rates apply only through the Responses API).
  return { name: title, modelId: DEFAULT_MODEL_ID, jobsPerMonth, batch: false, stages }
}

const PRESETS: Record<UseCasePresetId, UseCasePreset> = {
  'saas-onboarding-thumbnails': {
    id: 'saas-onboarding-thumbnails',
    title: 'SaaS onboarding thumbnails',
    strategy:
      'Draft every thumbnail at low quality, keep the accepted one, and pay for medium only when a user asks to upgrade it.',
    exampleNote:
      'Example values: 2,000 new workspaces a month, 15% asking for an upgrade, 1.2 retries and 150 prompt tokens. Replace them with your own signup and usage numbers.',
    scenario: scenario('SaaS onboarding thumbnails', 2000, [
      { ...blankStage('Draft'), quality: 'low', retryMultiplier: 1.2, promptTokens: 150 },
      {
        ...blankStage('Upgrade visual'),
        quality: 'medium',
        reachShare: 0.15,
        retryMultiplier: 1.2,
        promptTokens: 150,
      },
    ]),
  },
  'marketplace-listing-images': {
    id: 'marketplace-listing-images',
    title: 'Marketplace listing images',
    strategy:
      "Edit from the seller's own photo as a reference so shape and labels survive, cap retries per listing, and regenerate only after the seller confirms.",
    exampleNote:
      'Example values: 5,000 listings a month, 3 edited images per listing, 1.3 retries (a prompt template with light QA), 200 prompt tokens. The 1,024 tokens per reference photo is a community estimate, not an OpenAI figure.',
    scenario: scenario('Marketplace listing images', 5000, [
      {
        ...blankStage('Edit listing photo'),
        quality: 'medium',
        imagesPerJob: 3,
        retryMultiplier: 1.3,
        promptTokens: 200,
        referenceImages: 1,
        referenceImageTokens: 1024,
      },
    ]),
  },
  'growth-campaign-creative': {
    id: 'growth-campaign-creative',
    title: 'Growth campaign creative',
    strategy:
      'Explore many concepts at low quality, approve a few winners, then regenerate only the winners at high quality in each aspect ratio you ship.',
    exampleNote:
      'Example values: 20 campaigns a month, 12 draft concepts each, 3 approved winners (25% of the concepts) made in 3 ratios, 1.5 retries on drafts and 1.3 on finals. Replace them with your own campaign plan.',
    // The job is a campaign, so the approval gate is "3 of 12 concepts per
    // campaign" (images per job) rather than a reach share of campaigns.
    scenario: scenario('Growth campaign creative', 20, [
      {
        ...blankStage('Concept drafts'),
        quality: 'low',
        imagesPerJob: 12,
        retryMultiplier: 1.5,
        promptTokens: 250,
      },
      {
        ...blankStage('Final square 1:1'),
        quality: 'high',
        imagesPerJob: 3,
        retryMultiplier: 1.3,
        promptTokens: 250,
      },
      {
        ...blankStage('Final portrait 2:3'),
        quality: 'high',
        width: 1024,
        height: 1536,
        imagesPerJob: 3,
        retryMultiplier: 1.3,
        promptTokens: 250,
      },
      {
        ...blankStage('Final landscape 3:2'),
        quality: 'high',
        width: 1536,
        height: 1024,
        imagesPerJob: 3,
        retryMultiplier: 1.3,
        promptTokens: 250,
      },
    ]),
  },
  'blog-headers': {
    id: 'blog-headers',
    title: 'Blog headers',
    strategy:
      "Generate straight in the blog's wide header ratio at medium quality instead of cropping a generic square.",
    exampleNote:
      'Example values: 400 posts a month, 2 candidates per request (n = 2) to pick from, 1.2 retries, 180 prompt tokens, 2048x1152 (16:9). Replace them with your publishing volume and header size.',
    scenario: scenario('Blog headers', 400, [
      {
        ...blankStage('Header'),
        quality: 'medium',
        width: 2048,
        height: 1152,
        outputsPerRequest: 2,
        retryMultiplier: 1.2,
        promptTokens: 180,
      },
    ]),
  },
  'paid-social-ads': {
    id: 'paid-social-ads',
    title: 'Paid social ads',
    strategy:
      "Draft in the platform's own ratio at low quality, and spend high quality only on the approved ads that will carry paid traffic.",
    exampleNote:
      'Example values: 60 ad sets a month, 8 low drafts and 2 approved finals per ad set, 1024x1536 portrait for stories, 1.5 retries on drafts and 1.3 on finals, 220 prompt tokens. Replace them with your ad plan.',
    scenario: scenario('Paid social ads', 60, [
      {
        ...blankStage('Story drafts'),
        quality: 'low',
        width: 1024,
        height: 1536,
        imagesPerJob: 8,
        retryMultiplier: 1.5,
        promptTokens: 220,
      },
      {
        ...blankStage('Story finals'),
        quality: 'high',
        width: 1024,
        height: 1536,
        imagesPerJob: 2,
        retryMultiplier: 1.3,
        promptTokens: 220,
      },
    ]),
  },
}

/** Every use-case preset, in the order the guide discusses them. */
export const USE_CASE_PRESETS: readonly UseCasePreset[] = USE_CASE_PRESET_IDS.map(
  (id) => PRESETS[id],
)

/** Narrows untrusted text (a select value, a share link) to a preset id. */
export function isUseCasePresetId(value: string): value is UseCasePresetId {
  return (USE_CASE_PRESET_IDS as readonly string[]).includes(value)
}

/**
 * A fresh, editable deep copy of a preset's scenario: editing it never changes the preset.
 * @example presetScenario('blog-headers').jobsPerMonth // 400 jobs per month
 */
export function presetScenario(id: UseCasePresetId): Scenario {
  return structuredClone(PRESETS[id].scenario)
}
