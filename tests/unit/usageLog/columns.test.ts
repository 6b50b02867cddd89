import { describe, expect, it } from 'vitest'
import { guessColumnMapping } from '../../../src/io/usageLog/columns'

describe('guessColumnMapping', () => {
  it('matches common names and synonyms, case and spacing ignored', () => {
    const m = guessColumnMapping([
      ' Created_At ',
      'Prompt Template ID',
      'STAGE',
      'Job ID',
      'Model',
      'quality',
      'size',
      'Outputs',
      'Status',
      'input_tokens',
      'output_tokens',
      'input_tokens_details.text_tokens',
      'input-image-tokens',
      'Cost USD',
      'notes',
    ])
    expect(m).toEqual({
      timestamp: ' Created_At ',
      template: 'Prompt Template ID',
      stage: 'STAGE',
      jobId: 'Job ID',
      model: 'Model',
      quality: 'quality',
      size: 'size',
      width: null,
      height: null,
      n: 'Outputs',
      status: 'Status',
      inputTokens: 'input_tokens',
      outputTokens: 'output_tokens',
      inputTextTokens: 'input_tokens_details.text_tokens',
      inputImageTokens: 'input-image-tokens',
      costUsd: 'Cost USD',
    })
  })

  it('reads the flattened Images API usage object, and prefers the earlier synonym', () => {
    const m = guessColumnMapping([
      'workflow',
      'template',
      'usage.input_tokens',
      'usage.output_tokens',
      'usage.input_tokens_details.image_tokens',
      'cost',
      'cost_usd',
    ])
    expect(m.template).toBe('template')
    expect(m.inputTokens).toBe('usage.input_tokens')
    expect(m.outputTokens).toBe('usage.output_tokens')
    expect(m.inputImageTokens).toBe('usage.input_tokens_details.image_tokens')
    expect(m.costUsd).toBe('cost_usd')
  })
})
