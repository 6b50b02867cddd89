import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { ModelComparisonPanel } from '../../src/components/decisions/ModelComparisonPanel'
import { ResultsPanel } from '../../src/components/results/ResultsPanel'
import { ScenarioSection } from '../../src/components/worksheet/ScenarioSection'
import { StagesSection } from '../../src/components/worksheet/StagesSection'
import { decisionScenario } from '../../src/domain/draft'
import { useActiveDraft } from '../../src/store/hooks'
import { useWorksheet } from '../../src/store/worksheet'

function Worksheet() {
  return (
    <>
      <ScenarioSection />
      <ResultsPanel />
    </>
  )
}

function Comparison() {
  return <ModelComparisonPanel scenario={decisionScenario(useActiveDraft())} />
}

type User = ReturnType<typeof userEvent.setup>
const monthly = () => screen.getByRole('status', { name: 'Monthly cost' })

async function fill(user: User, label: string, text: string) {
  const field = within(screen.getByRole('dialog')).getByLabelText(label)
  await user.clear(field)
  // Pasted rather than typed key by key: the form reads the field only on Save.
  await user.click(field)
  await user.paste(text)
}

/** Acme v1: per image, $0.01 low, $0.04 medium, $0.12 high, at the example's two sizes. */
async function addAcme(user: User) {
  await user.click(screen.getByRole('button', { name: 'Add a model…' }))
  await screen.findByRole('dialog')
  await fill(user, 'Model name', 'Acme v1')
  await user.selectOptions(screen.getByLabelText('Priced by'), 'Image')
  await fill(user, 'Sizes it makes', '1024x1024, 1536x1024')
  await fill(user, 'Low price per image', '0.01')
  await fill(user, 'Medium price per image', '0.04')
  await fill(user, 'High price per image', '0.12')
  await fill(user, 'Source URL', 'https://acme.example/pricing')
  await fill(user, 'As of', '2026-11-02')
  await user.click(screen.getByRole('button', { name: 'Save' }))
}

describe('"Add a model…"', () => {
  it('opens a form with focus in it, and Escape closes it and gives focus back', async () => {
    const user = userEvent.setup()
    render(<Worksheet />)
    const opener = screen.getByRole('button', { name: 'Add a model…' })
    await user.click(opener)
    // The form's code loads on the first click.
    const dialog = await screen.findByRole('dialog', { name: 'Add a model' })
    expect(within(dialog).getByLabelText('Model name')).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(opener).toHaveFocus()
  })

  it('explains each bad field at the field and keeps what was typed', async () => {
    const user = userEvent.setup()
    render(<Worksheet />)
    await user.click(screen.getByRole('button', { name: 'Add a model…' }))
    await screen.findByRole('dialog')
    await fill(user, 'Model name', 'GPT Image 2')
    await user.selectOptions(screen.getByLabelText('Priced by'), 'Megapixel')
    await fill(user, 'Low price per megapixel', 'abc')
    await fill(user, 'Medium price per megapixel', '0.02')
    await fill(user, 'High price per megapixel', '-1')
    await fill(user, 'Sizes it makes', '1024x1024, big')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    const dialog = screen.getByRole('dialog')
    expect(within(dialog).getByLabelText('Model name')).toHaveAccessibleDescription(
      'A model named "GPT Image 2" is already in the worksheet; give this one another name.',
    )
    expect(within(dialog).getByLabelText('Low price per megapixel')).toHaveAccessibleDescription(
      'Low price per megapixel (USD) must be a number from 0 to 100,000.',
    )
    expect(within(dialog).getByLabelText('High price per megapixel')).toHaveAccessibleDescription(
      'High price per megapixel (USD) must be at least 0; it is -1.',
    )
    expect(within(dialog).getByLabelText('Sizes it makes')).toHaveAccessibleDescription(
      /^"big" is not a size: write width x height in whole pixels from 1 to 100,000, e.g. 1024x1024./,
    )
    expect(within(dialog).getByLabelText('Low price per megapixel')).toHaveValue('abc')
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      '4 fields need fixing before the model can be saved.',
    )
    expect(useWorksheet.getState().customModels).toEqual([])
  })

  it('adds a per-image model to the Model choice, marked as custom, and prices the scenario on it', async () => {
    const user = userEvent.setup()
    render(<Worksheet />)
    await addAcme(user)
    expect(screen.queryByRole('dialog')).toBeNull()
    const model = screen.getByLabelText('Model')
    expect(within(model).getByRole('option', { name: 'Acme v1 (custom)' })).toBeInTheDocument()
    await user.selectOptions(model, 'Acme v1 (custom)')
    // Draft: 6,000 low images x $0.01 = $60; Final: 325 high x $0.12 = $39. Prompts are not billed.
    expect(monthly()).toHaveTextContent('$99.00')
  })

  it('edits a model, and removing it leaves the scenario saying so at its Model field', async () => {
    const user = userEvent.setup()
    render(<Worksheet />)
    await addAcme(user)
    await user.selectOptions(screen.getByLabelText('Model'), 'Acme v1 (custom)')
    await user.click(screen.getByRole('button', { name: 'Edit Acme v1' }))
    await screen.findByRole('dialog')
    expect(within(screen.getByRole('dialog')).getByLabelText('High price per image')).toHaveValue(
      '0.12',
    )
    await fill(user, 'High price per image', '0.2')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    // $60 + 325 x $0.20 = $125.
    expect(monthly()).toHaveTextContent('$125.00')

    await user.click(screen.getByRole('button', { name: 'Remove Acme v1' }))
    const model = screen.getByLabelText('Model')
    expect(model).toHaveValue('custom-acme-v1')
    expect(model).toHaveDisplayValue('custom-acme-v1 (removed)')
    expect(model).toHaveAccessibleDescription(
      'The custom model this scenario used (custom-acme-v1) was removed from the worksheet; choose another model, or add it again.',
    )
    expect(monthly()).not.toHaveTextContent('NaN')
    expect(monthly()).not.toHaveTextContent('$')
  })

  it('adds a token model whose output tokens come from a table', async () => {
    const user = userEvent.setup()
    render(<Worksheet />)
    await user.click(screen.getByRole('button', { name: 'Add a model…' }))
    await screen.findByRole('dialog')
    await fill(user, 'Model name', 'Toko')
    await user.selectOptions(screen.getByLabelText('Priced by'), 'Tokens')
    await fill(user, 'Sizes it makes', '1024x1024, 1536x1024')
    await fill(user, 'Image output price', '10')
    await fill(user, 'Text input price', '0')
    await fill(user, 'Cached text input price', '0')
    await fill(user, 'Image input price', '0')
    await fill(user, 'Cached image input price', '0')
    await user.click(screen.getByRole('radio', { name: 'From a table I fill in' }))
    for (const [size, tokens] of [
      ['1024x1024', ['100', '400', '1600']],
      ['1536x1024', ['150', '600', '2400']],
    ] as const) {
      await fill(user, `Output tokens, low, ${size}`, tokens[0])
      await fill(user, `Output tokens, medium, ${size}`, tokens[1])
      await fill(user, `Output tokens, high, ${size}`, tokens[2])
    }
    await fill(user, 'As of', '2026-09-30')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await user.selectOptions(screen.getByLabelText('Model'), 'Toko (custom)')
    // Draft: 6,000 x 100 tokens x $10/M = $6; Final: 325 x 2,400 x $10/M = $7.80.
    expect(monthly()).toHaveTextContent('$13.80')
  })
})

describe('a stage on a custom model', () => {
  it('offers only the sizes the model makes, and counts no output tokens for a per-image model', async () => {
    const user = userEvent.setup()
    render(
      <>
        <Worksheet />
        <StagesSection />
      </>,
    )
    await addAcme(user)
    await user.selectOptions(screen.getByLabelText('Model'), 'Acme v1 (custom)')
    const draft = screen.getByRole('group', { name: 'Draft' })
    const sizes = within(within(draft).getByLabelText('Size')).getAllByRole('option')
    expect(sizes.map((o) => o.textContent)).toEqual([
      '1024x1024',
      '1536x1024',
      'Custom (type width and height)',
    ])
    // 6,000 low images x $0.01.
    expect(within(draft).getByText(/a month/)).toHaveTextContent(
      '$60.00 a month · 6,000 billed images · $0.010 per image',
    )
  })
})

describe('the model comparison', () => {
  it('lists custom models and a "× cheapest" column, 1.00× for the cheapest row', async () => {
    const user = userEvent.setup()
    render(
      <>
        <Worksheet />
        <Comparison />
      </>,
    )
    await addAcme(user)
    const table = screen.getByRole('table', {
      name: /Monthly cost of this scenario under each model/,
    })
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent)
    expect(headers).toContain('× cheapest')
    const row = (name: RegExp) => within(table).getByRole('row', { name })
    // The example on gpt-image-2 costs $92.583; Acme v1 $99; gpt-image-1-mini is the cheapest.
    const cells = (name: RegExp) =>
      within(row(name))
        .getAllByRole('cell')
        .map((c) => c.textContent)
    const acme = cells(/^Acme v1 \(custom\)/)
    expect(acme[1]).toBe('$99.00')
    const times = headers.indexOf('× cheapest') - 1
    const all = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => within(r).getAllByRole('cell')[times]?.textContent)
    expect(all).toContain('1.00×')
    const mini = cells(/^GPT Image 1 mini/)
    const miniUsd = Number(mini[1]?.replace(/[$,]/g, ''))
    expect(mini[times]).toBe('1.00×')
    expect(acme[times]).toBe(`${(99 / miniUsd).toFixed(2)}×`)
  })
})
