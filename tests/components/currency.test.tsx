import { fireEvent, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { UndoRedo } from '../../src/app/UndoRedo'
import { CurrencySection } from '../../src/components/currency/CurrencySection'
import { ResultsPanel } from '../../src/components/results/ResultsPanel'

// The currency card and the totals it changes. The default scenario costs $92.583 a month
// (tests/components/worksheet.test.tsx works it out by hand): $1,110.996 a year, and
// $0.092583 a job over its 1,000 jobs.
function Shown() {
  return (
    <>
      <UndoRedo />
      <CurrencySection />
      <ResultsPanel />
    </>
  )
}

const figure = (name: string) => screen.getByRole('status', { name })
const rate = () => screen.getByRole('textbox', { name: 'Exchange rate (per USD)' })

async function choose(user: ReturnType<typeof userEvent.setup>, code: string, typed: string) {
  await user.selectOptions(screen.getByRole('combobox', { name: 'Currency' }), code)
  await user.clear(rate())
  if (typed !== '') await user.type(rate(), typed)
}

describe('the currency', () => {
  it('is USD at first, with no rate to give', () => {
    render(<Shown />)
    expect(screen.getByRole('combobox', { name: 'Currency' })).toHaveValue('USD')
    expect(rate()).toBeDisabled()
    expect(figure('Monthly cost')).toHaveTextContent('$92.58')
  })

  it('offers the common currencies first', () => {
    render(<Shown />)
    const codes = screen
      .getAllByRole('option')
      .slice(0, 5)
      .map((o) => (o as HTMLOptionElement).value)
    expect(codes).toEqual(['USD', 'EUR', 'GBP', 'JPY', 'INR'])
  })

  it('shows the totals in EUR at the rate, and states the rate and its date', async () => {
    const user = userEvent.setup()
    render(<Shown />)
    await choose(user, 'EUR', '0.92')
    fireEvent.change(screen.getByLabelText('Rate date'), { target: { value: '2026-11-27' } })
    // $92.583 x 0.92 = €85.17636; $1,110.996 x 0.92 = €1,022.11632; $0.092583 x 0.92 = €0.0851764
    expect(figure('Monthly cost')).toHaveTextContent('€85.18')
    expect(figure('Annual cost')).toHaveTextContent('€1,022.12')
    expect(figure('Cost per job')).toHaveTextContent('€0.0852')
    expect(screen.getAllByRole('columnheader', { name: 'EUR' })).toHaveLength(2)
    expect(
      screen.getAllByText('Amounts in EUR at 0.92 EUR per USD ($1 = €0.92), rate of 2026-11-27.'),
    ).toHaveLength(2)
  })

  it('shows yen without decimals, but a per-job cost under ¥100 to three digits', async () => {
    const user = userEvent.setup()
    render(<Shown />)
    await choose(user, 'JPY', '156.3')
    // $92.583 x 156.3 = ¥14,470.72; $1,110.996 x 156.3 = ¥173,648.67; $0.092583 x 156.3 = ¥14.4707
    expect(figure('Monthly cost')).toHaveTextContent('¥14,471')
    expect(figure('Annual cost')).toHaveTextContent('¥173,649')
    expect(figure('Cost per job')).toHaveTextContent('¥14.5')
  })

  it.each([
    ['', 'It is missing.'],
    ['abc', '"abc" is not a number.'],
    ['0', '0 is not.'],
    ['-0.9', '-0.9 is not.'],
  ])('explains a rate of %j at the field and falls back to USD', async (typed, why) => {
    const user = userEvent.setup()
    render(<Shown />)
    await choose(user, 'EUR', typed)
    expect(rate()).toHaveAttribute('aria-invalid', 'true')
    expect(rate()).toHaveAccessibleDescription(
      expect.stringContaining(
        `Exchange rate must be a number above 0: how many EUR one US dollar buys (for example 0.92 for EUR). ${why} Amounts are shown in USD until it is fixed.`,
      ),
    )
    expect(figure('Monthly cost')).toHaveTextContent('$92.58')
    expect(screen.getAllByRole('note')[0]).toHaveTextContent(
      'Amounts are in USD: the exchange rate for EUR is not usable yet (see Currency).',
    )
    expect(document.body).not.toHaveTextContent('NaN')
  })

  it('is undone like any edit', async () => {
    const user = userEvent.setup()
    render(<Shown />)
    await choose(user, 'GBP', '0.79')
    // $92.583 x 0.79 = £73.14057
    expect(figure('Monthly cost')).toHaveTextContent('£73.14')
    await user.click(screen.getByRole('button', { name: /^Undo/ }))
    expect(rate()).toHaveValue('')
    await user.click(screen.getByRole('button', { name: /^Undo/ }))
    expect(screen.getByRole('combobox', { name: 'Currency' })).toHaveValue('USD')
    expect(figure('Monthly cost')).toHaveTextContent('$92.58')
  })
})
