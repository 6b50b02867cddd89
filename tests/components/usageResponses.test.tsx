import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { ResultsPanel } from '../../src/components/results/ResultsPanel'
import { UsageLogSection } from '../../src/components/usage/UsageLogSection'
import { useWorksheet } from '../../src/store/worksheet'

// gpt-image-2 per token: text in 5e-6, image in 8e-6. The default scenario ($92.583 a month):
// Draft low 1024x1024, 1,000 jobs x 4 x 1.5 = 6,000 images; Final high 1536x1024,
// 1,000 x 0.25 x 1.3 = 325 images; both 120 prompt tokens, no reference images.

const sample = () =>
  new File(
    [readFileSync(resolve('public/sample-saved-responses.jsonl'))],
    'sample-saved-responses.jsonl',
    { type: 'application/x-ndjson' },
  )

async function openSample() {
  const user = userEvent.setup()
  render(
    <>
      <ResultsPanel />
      <UsageLogSection />
    </>,
  )
  await user.upload(await screen.findByLabelText('Usage log file'), sample())
  await screen.findByRole('table', {
    name: 'Tokens per image by model, size and quality, May 2026',
  })
  return user
}

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => Array.from(r.children, (c) => c.textContent))
const monthlyCost = () => screen.getByRole('status', { name: 'Monthly cost' })
const state = () => useWorksheet.getState()
const applyRegion = () => screen.getByRole('region', { name: 'Apply the measured tokens' })

describe('saved Images API responses', () => {
  it('shows tokens per image beside the engine figure, hand-worked', async () => {
    await openSample()
    expect(
      screen.getByText(
        /^sample-saved-responses\.jsonl: saved Images API responses, 5 responses read in .*, 9 images\.$/,
      ),
    ).toBeInTheDocument()
    const table = screen.getByRole('table', {
      name: 'Tokens per image by model, size and quality, May 2026',
    })
    expect(rowsOf(table)).toEqual([
      // (784 + 392) / 6 = 196, the rule's 196; text (240 + 120) / 6 = 60.
      ['gpt-image-2', '1024x1024', 'low', '2', '6', '196', '196', '0%', '60', '0'],
      // 3,000 image output tokens / 2 = 1,500 against 1,372: +9.3%; text 80, image in 776.
      ['gpt-image-2', '1536x1024', 'medium', '2', '2', '1,500', '1,372', '+9.3%', '80', '776'],
      ['gpt-image-2', '1024x1024', 'auto', '1', '1', '7,024', '—', '—', '50', '0'],
    ])
    expect(
      screen.getByText(
        'gpt-image-2 · 1024x1024 · auto: no engine figure. Quality auto is billed at the quality the model picked.',
      ),
    ).toBeInTheDocument()
  })

  it('pairs the low group with Draft, lists the change first, applies it and undoes it', async () => {
    const user = await openSample()
    const region = applyRegion()
    expect(within(region).getByLabelText('Stage')).toHaveDisplayValue('Draft')
    const changes = within(region).getByRole('table', { name: 'Changes to apply' })
    expect(rowsOf(changes).map((r) => r.slice(0, 3))).toEqual([['Prompt tokens', '120', '60']])
    expect(
      within(region).getByText(/retry multiplier cannot be measured from them: it stays as set/),
    ).toBeInTheDocument()
    expect(monthlyCost()).toHaveTextContent('$92.58')
    await user.click(within(region).getByRole('button', { name: 'Apply measured tokens' }))
    // Draft: 6,000 images x (120 - 60) x 5e-6 = $1.80 less: $90.783.
    expect(state().scenarios[0]!.stages[0]!.promptTokens).toBe(60)
    expect(monthlyCost()).toHaveTextContent('$90.78')
    expect(within(region).getByRole('status')).toHaveTextContent(
      'Applied to “Draft”: Prompt tokens 120 → 60. Undo puts the old values back.',
    )
    await user.click(within(region).getByRole('button', { name: 'Undo' }))
    expect(state().scenarios[0]!.stages[0]!.promptTokens).toBe(120)
    expect(monthlyCost()).toHaveTextContent('$92.58')
    expect(within(region).getByRole('status')).toHaveTextContent(
      'Undone: the stage has its values from before.',
    )
  })

  it('asks the person to pick a stage when none matches, and to confirm a different quality', async () => {
    const user = await openSample()
    const region = applyRegion()
    await user.selectOptions(
      within(region).getByLabelText('Measured group'),
      'May 2026: gpt-image-2 · 1536x1024 · medium',
    )
    // No stage is medium 1536x1024: nothing is picked for the person.
    expect(within(region).getByLabelText('Stage')).toHaveValue('')
    expect(within(region).getByRole('button', { name: 'Apply measured tokens' })).toBeDisabled()
    await user.selectOptions(within(region).getByLabelText('Stage'), 'Final')
    const changes = within(region).getByRole('table', { name: 'Changes to apply' })
    expect(rowsOf(changes).map((r) => r.slice(0, 3))).toEqual([
      ['Prompt tokens', '120', '80'],
      ['Reference images', '0', '1'],
      ['Tokens per reference image', '1,024', '776'],
    ])
    const before = state().scenarios
    await user.click(within(region).getByRole('button', { name: 'Apply measured tokens' }))
    const confirm = within(region).getByRole('alertdialog', { name: 'Confirm the stage' })
    expect(confirm).toHaveTextContent(
      'These responses differ from “Final” in quality medium (the stage: high).',
    )
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }))
    expect(state().scenarios).toBe(before)
    await user.click(within(region).getByRole('button', { name: 'Apply measured tokens' }))
    await user.click(within(region).getByRole('button', { name: 'Apply anyway' }))
    const final = state().scenarios[0]!.stages[1]!
    expect([final.promptTokens, final.referenceImages, final.referenceImageTokens]).toEqual([
      80, 1, 776,
    ])
    // Final, 325 images: 40 fewer text tokens (-$0.065) and 776 image tokens (+$2.0176).
    expect(monthlyCost()).toHaveTextContent('$94.54')
  })

  it('asks first when the responses come from another model than the scenario’s', async () => {
    const user = userEvent.setup()
    render(<UsageLogSection />)
    const line =
      '{"created":1777629600,"model":"gpt-image-1","quality":"low","size":"1024x1024","data":[{}],"usage":{"input_tokens":40,"output_tokens":272,"input_tokens_details":{"text_tokens":40,"image_tokens":0}}}\n'
    await user.upload(
      await screen.findByLabelText('Usage log file'),
      new File([line], 'one.jsonl', { type: 'application/x-ndjson' }),
    )
    const region = await screen.findByRole('region', { name: 'Apply the measured tokens' })
    // Low 1024x1024 is Draft's kind of image, but the scenario prices gpt-image-2.
    expect(within(region).getByLabelText('Stage')).toHaveDisplayValue('Draft')
    await user.click(within(region).getByRole('button', { name: 'Apply measured tokens' }))
    expect(
      within(region).getByRole('alertdialog', { name: 'Confirm the stage' }),
    ).toHaveTextContent(
      'These responses differ from “Draft” in model gpt-image-1 (the scenario: gpt-image-2).',
    )
  })
})
