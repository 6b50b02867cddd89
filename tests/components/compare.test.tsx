import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { UndoRedo } from '../../src/app/UndoRedo'
import { CompareSection } from '../../src/components/compare/CompareSection'
import { PresetStrategy } from '../../src/components/scenarios/PresetStrategy'
import { ScenarioBar } from '../../src/components/scenarios/ScenarioBar'
import { ScenarioSection } from '../../src/components/worksheet/ScenarioSection'
import { StagesSection } from '../../src/components/worksheet/StagesSection'

// The compare view with the controls these tests drive (scenario bar, the edited scenario,
// undo), not the whole page: the decision tools and the usage log only slowed them down.
function Compare() {
  return (
    <>
      <UndoRedo />
      <ScenarioBar />
      <PresetStrategy />
      <ScenarioSection />
      <StagesSection />
      <CompareSection />
    </>
  )
}

// Seed presets, by hand (gpt-image-2, $5/M text, $8/M image in, $30/M image out):
// SaaS thumbnails: Draft 2,000 x 1.2 = 2,400 low 1024x1024 images: 2,400 x 196 x $30/M = $14.112
//   + 2,400 x 150 x $5/M = $1.80; Upgrade 300 jobs x 1.2 = 360 medium: 360 x 1,756 x $30/M
//   = $18.9648 + $0.27. Total $35.1468.
// Marketplace: 5,000 x 3 x 1.3 = 19,500 medium 1024x1024: $1,027.26 output + $19.50 prompt
//   + 19,500 x 1,024 x $8/M = $159.744 reference. Total $1,206.504.
// Growth: 360 low concepts $2.1168 + $0.45; 78 high finals each at 1024x1024 ($16.43616),
//   1024x1536 and 1536x1024 ($12.84192 each), + $0.0975 prompt each. Total $44.9793.

async function addPreset(user: ReturnType<typeof userEvent.setup>, title: string) {
  await user.selectOptions(screen.getByLabelText('New scenario'), title)
}

function compareTable() {
  return screen.getByRole('table', { name: /Scenarios side by side/ })
}

function row(name: string) {
  return within(compareTable()).getByRole('row', { name: new RegExp(`^${name}`) })
}

describe('scenarios and the compare view', () => {
  it('loads the three seed presets and compares them in columns against a baseline', async () => {
    const user = userEvent.setup()
    render(<Compare />)
    await addPreset(user, 'SaaS onboarding thumbnails')
    await addPreset(user, 'Marketplace listing images')
    await addPreset(user, 'Growth campaign creative')
    // The newest preset is the one being edited, with its strategy shown.
    expect(screen.getByLabelText('Scenario name')).toHaveValue('Growth campaign creative')
    expect(
      screen.getByRole('complementary', { name: 'Strategy for this use case' }),
    ).toHaveTextContent(/regenerate only the winners at high quality/)
    await user.click(screen.getByRole('checkbox', { name: 'Draft + final (example)' }))
    await user.selectOptions(screen.getByLabelText('Baseline'), 'SaaS onboarding thumbnails')

    const headers = within(compareTable())
      .getAllByRole('columnheader')
      .map((h) => h.textContent)
    expect(headers).toEqual([
      'Per month unless noted',
      'SaaS onboarding thumbnailsbaseline',
      'Marketplace listing images',
      'Growth campaign creative',
    ])
    const monthly = within(row('Monthly cost'))
      .getAllByRole('cell')
      .map((c) => c.textContent)
    // Differences: 1,206.504 - 35.1468 = 1,171.3572 (+3,332.76%); 44.9793 - 35.1468 = 9.8325 (+27.98%)
    expect(monthly).toEqual([
      '$35.15',
      '$1,206.50+$1,171.36 (+3,332.76%)',
      '$44.98+$9.83 (+27.98%)',
    ])
    // Image input only for the marketplace's reference photos.
    expect(
      within(row('Image input'))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['$0.00', '$159.74+$159.74', '$0.00same'])
  })

  it('duplicates a scenario, lets its quality change per stage and shows the difference', async () => {
    const user = userEvent.setup()
    render(<Compare />)
    await addPreset(user, 'Growth campaign creative')
    await user.click(screen.getByRole('button', { name: 'Duplicate' }))
    expect(screen.getByLabelText('Scenario name')).toHaveValue('Growth campaign creative (2)')
    await user.click(screen.getByRole('checkbox', { name: 'Draft + final (example)' }))

    // Every draft at high: 360 x 7,024 x $30/M = $75.8592 instead of $2.1168 (+$73.7424)
    const concepts = screen.getByRole('group', { name: 'Concept drafts' })
    await user.selectOptions(within(concepts).getByLabelText('Quality'), 'high')
    // The table follows once the worksheet's own change has painted.
    await waitFor(() => {
      expect(
        within(row('Monthly cost'))
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ).toEqual(['$44.98', '$118.72+$73.74 (+163.95%)'])
    })
  })

  it('deletes a scenario and undo brings it back; the last scenario cannot be deleted', async () => {
    const user = userEvent.setup()
    render(<Compare />)
    const del = screen.getByRole('button', { name: 'Delete' })
    expect(del).toBeDisabled()
    await addPreset(user, 'Blog headers')
    await user.click(screen.getByRole('button', { name: 'Delete' }))
    const bar = screen.getByRole('navigation', { name: 'Scenarios' })
    expect(within(bar).queryByRole('button', { name: 'Blog headers' })).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Undo' }))
    expect(within(bar).getByRole('button', { name: 'Blog headers' })).toHaveAttribute(
      'aria-current',
      'true',
    )
  })

  it('reorders scenarios', async () => {
    const user = userEvent.setup()
    render(<Compare />)
    await addPreset(user, 'Paid social ads')
    await user.click(screen.getByRole('button', { name: 'Move Paid social ads left' }))
    const bar = screen.getByRole('navigation', { name: 'Scenarios' })
    expect(
      within(bar)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Paid social ads', 'Draft + final (example)'])
  })

  it('offers every chart as a data table with the engine values', async () => {
    const user = userEvent.setup()
    render(<Compare />)
    await addPreset(user, 'SaaS onboarding thumbnails')
    const row = (table: string) =>
      within(screen.getByRole('table', { name: table })).getByRole('row', { name: /^SaaS/ })
    // Charts follow the worksheet once edits settle, a quarter second later.
    await waitFor(() => {
      // Draft $15.912, Upgrade visual $19.2348; the example scenario has no such stage.
      expect(row('Monthly cost in USD by stage')).toHaveTextContent(
        'SaaS onboarding thumbnails$15.91—$19.23',
      )
    })
    await user.click(screen.getByRole('radio', { name: 'By meter' }))
    // text 360,000 + 54,000 tokens x $5/M = $2.07; output $14.112 + $18.9648 = $33.0768
    expect(row('Monthly cost in USD by meter')).toHaveTextContent(
      'SaaS onboarding thumbnails$2.07$33.08',
    )
  })
})
