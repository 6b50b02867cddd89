import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readPersisted } from '../../src/io/persisted'

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/storage/${name}`, import.meta.url), 'utf8')

const MODEL = {
  id: 'custom-pixo',
  name: 'Pixo',
  pricedBy: 'megapixel',
  meters: { textInput: 2 },
  qualityPrices: { low: 0.01, medium: 0.02, high: 0.05 },
  sizes: ['1024x1024'],
  sourceUrl: '',
  asOf: '2026-10-15',
}

function withModels(models: unknown): string {
  const envelope = JSON.parse(fixture('v2-same-names.json')) as { state: Record<string, unknown> }
  envelope.state.customModels = models
  return JSON.stringify(envelope)
}

describe('custom models in saved worksheets (optional field, no version bump)', () => {
  it('reads a version-2 save without them as before', () => {
    const read = readPersisted(fixture('v2-same-names.json'))
    expect(read.ok && 'customModels' in read.state).toBe(false)
  })

  it('reads them back as saved', () => {
    const read = readPersisted(withModels([MODEL]))
    expect(read.ok && read.state.customModels).toEqual([MODEL])
  })

  it('refuses a save whose model is damaged, with the reason, so it is kept aside', () => {
    const bad = { ...MODEL, qualityPrices: { low: 0.01, medium: -2, high: 0.05 } }
    expect(readPersisted(withModels([bad]))).toEqual({
      ok: false,
      reason:
        'It is damaged: custom model "Pixo": Medium price per megapixel (USD) must be at least 0; it is -2.',
    })
    expect(readPersisted(withModels([{ ...MODEL, id: 'gpt-image-2' }]))).toEqual({
      ok: false,
      reason: 'It is damaged: a custom model\'s id "gpt-image-2" is not a custom id.',
    })
  })
})
