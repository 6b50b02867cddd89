import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { CompareSection } from '../../src/components/compare/CompareSection'
import { CurrencySection } from '../../src/components/currency/CurrencySection'
import { ScenarioBar } from '../../src/components/scenarios/ScenarioBar'

function Compare() {
  return (
    <>
      <ScenarioBar />
      <CurrencySection />
      <CompareSection />
    </>
  )
}

// Seed presets by hand (tests/components/compare.test.tsx): SaaS onboarding thumbnails
// $35.1468 a month, Marketplace listing images $1,206.504. At 0.92 EUR per USD:
//   SaaS €32.335056, Marketplace €1,109.98368, difference $1,171.3572 = €1,077.648624
//   SaaS over a year: $421.7616 = €388.020672

const cells = (table: HTMLElement, name: string) =>
  within(within(table).getByRole('row', { name: new RegExp(`^${name}`) }))
    .getAllByRole('cell')
    .map((c) => c.textContent)

describe('the compare table and the memo in another currency', () => {
  it('shows every compared amount in EUR, the rate beside them', async () => {
    const user = userEvent.setup()
    render(<Compare />)
    await user.selectOptions(screen.getByLabelText('New scenario'), 'SaaS onboarding thumbnails')
    await user.selectOptions(screen.getByLabelText('New scenario'), 'Marketplace listing images')
    await user.click(screen.getByRole('checkbox', { name: 'Draft + final (example)' }))
    await user.selectOptions(screen.getByRole('combobox', { name: 'Currency' }), 'EUR')
    await user.type(screen.getByRole('textbox', { name: 'Exchange rate (per USD)' }), '0.92')

    const table = () => screen.getByRole('table', { name: /Scenarios side by side/ })
    await waitFor(() => {
      expect(cells(table(), 'Monthly cost')).toEqual(['€32.34', '€1,109.98+€1,077.65 (+3,332.76%)'])
    })
    expect(
      screen.getAllByText('Amounts in EUR at 0.92 EUR per USD ($1 = €0.92), rate date not given.')
        .length,
    ).toBeGreaterThanOrEqual(2)

    // The printed memo's headline, in the page though only shown on paper.
    const memo = screen
      .getByRole('heading', { name: 'Image generation budget memo' })
      .closest('.memo') as HTMLElement
    const headline = within(memo).getAllByRole('table')[0]!
    expect(
      within(headline).getByRole('row', { name: /^SaaS onboarding thumbnails/ }),
    ).toHaveTextContent(/^SaaS onboarding thumbnails€32\.34€388\.02/)
    // Prices stay in USD, as entered.
    expect(memo).toHaveTextContent('Prices in USD per 1M tokens.')
  })
})
