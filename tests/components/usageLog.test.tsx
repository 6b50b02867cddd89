import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { ResultsPanel } from '../../src/components/results/ResultsPanel'
import { UsageLogSection } from '../../src/components/usage/UsageLogSection'
import { useWorksheet } from '../../src/store/worksheet'

// gpt-image-2 per token: text in 5e-6, image in 8e-6, image out 3e-5.
// The default scenario (Draft + final, $92.583 a month): Final is high 1536x1024,
// reach 0.25, retry 1.3, prompt 120, no references: $53.703 of the total.

const logFile = (name: string, type = 'text/csv') =>
  new File([readFileSync(resolve('tests/fixtures/logs', name))], name, { type })

async function openLog(name: string) {
  const user = userEvent.setup()
  render(
    <>
      <ResultsPanel />
      <UsageLogSection />
    </>,
  )
  await user.upload(await screen.findByLabelText('Usage log file'), logFile(name))
  await screen.findByRole('table', { name: 'Measured per template and stage' })
  return user
}

const cellsOf = (table: HTMLElement, row: string) =>
  Array.from(
    within(table).getByRole('rowheader', { name: row }).closest('tr')!.querySelectorAll('td'),
    (c) => c.textContent,
  )
const stagesOf = (table: HTMLElement, row: string) =>
  Array.from(
    within(table)
      .getByRole('rowheader', { name: row })
      .closest('tr')!
      .querySelectorAll('li > span'),
    (c) => c.textContent,
  )
const panel = (name: string) => screen.getByRole('region', { name })
const monthlyCost = () => screen.getByRole('status', { name: 'Monthly cost' })
const state = () => useWorksheet.getState()

describe('usage log: what it measured', () => {
  it('summarises each template and stage with hand-checked numbers', async () => {
    await openLog('draft-final.csv')
    expect(
      screen.getByText('draft-final.csv: 13 rows read in', { exact: false }),
    ).toHaveTextContent(/, 3 template stages\.$/)
    const table = screen.getByRole('table', { name: 'Measured per template and stage' })
    // hero/draft: 6 billed, 2 kept (multiplier 3); 6 x (50 x 5e-6 + 196 x 3e-5) = $0.03678; /2 = $0.01839.
    expect(cellsOf(table, 'hero / draft')).toEqual([
      '6',
      '2',
      '3',
      '50% rejected, 33% accepted, 17% regenerated',
      '100% low',
      '100% 1024x1024',
      '300',
      '0',
      '1,176',
      '$0.0368usage tokens',
      '$0.0184',
    ])
    // hero/final: 3 billed, 2 kept; 3 x (80 x 5e-6 + 1024 x 8e-6 + 5488 x 3e-5) = $0.519696.
    expect(cellsOf(table, 'hero / final').slice(0, 3)).toEqual(['3', '2', '1.5'])
    expect(cellsOf(table, 'hero / final')[9]).toBe('$0.52usage tokens')
    // The whole hero workflow per final image: ($0.03678 + $0.519696) / 2 = $0.278238.
    const perTemplate = screen.getByRole('table', { name: 'Per template, all stages' })
    expect(stagesOf(perTemplate, 'hero')).toEqual(['draft', 'final'])
    expect(cellsOf(perTemplate, 'hero')).toEqual([
      'draft↑↓final↑↓Order: as in the worksheet scenario "Draft + final (example)"',
      '9',
      '2final',
      '$0.556',
      '$0.278',
    ])
    // Across stages a multiplier means nothing: the all-rows line leaves it out.
    const all = cellsOf(table, 'All rows')
    expect([all[2], all[10]]).toEqual(['—', '—'])
  })

  it('lists the rows it could not read, by row and reason, and reads the rest', async () => {
    const user = await openLog('malformed.csv')
    const skipped = screen.getByText('7 rows could not be read and were left out')
    await user.click(skipped)
    const list = skipped.closest('details')!
    expect(
      within(list)
        .getByText(/it is "lots"/)
        .closest('li'),
    ).toHaveTextContent(
      'Row 3 output_tokens must be a number of tokens from 0 to 1,000,000,000; it is "lots".',
    )
    expect(within(list).getAllByRole('listitem')).toHaveLength(7)
    expect(screen.getByText(/malformed\.csv: 2 rows read in .*, 7 rows skipped\./)).toBeVisible()
  })

  it('reads the log again with a column the person picked', async () => {
    const user = await openLog('draft-final.csv')
    const summary = screen.getByText(/Columns: \d+ of 16 fields recognised/)
    await user.click(summary)
    const columns = summary.closest('details')!
    // Point "Stage" at the template column: groups are then hero/hero and product/product.
    await user.selectOptions(within(columns).getByLabelText('Stage'), 'template')
    await user.click(
      within(columns).getByRole('button', { name: 'Read the log again with these columns' }),
    )
    const table = await screen.findByRole('table', { name: 'Measured per template and stage' })
    await waitFor(() => {
      expect(within(table).getByRole('rowheader', { name: 'hero / hero' })).toBeInTheDocument()
    })
    // 6 draft + 3 final rows now in one group: 9 billed, 4 kept.
    expect(cellsOf(table, 'hero / hero').slice(0, 3)).toEqual(['9', '4', '2.25'])
  })

  it('leaves an unknown status out until the person maps it, then counts it and shows the mapping', async () => {
    const user = await openLog('malformed-rows.csv')
    const table = screen.getByRole('table', { name: 'Measured per template and stage' })
    // Rows 2, 3 and 9 only: 3 billed, 2 kept; 2 x $0.21072 + $0.2 = $0.62144.
    expect(cellsOf(table, 'hero / final').slice(0, 3)).toEqual(['3', '2', '1.5'])
    expect(cellsOf(table, 'hero / final')[9]).toBe('$0.621mixed sources')
    expect(within(table).queryByRole('rowheader', { name: /no template/ })).toBeNull()
    const statuses = screen.getByRole('group', { name: 'Status values' })
    // The synonym is a mapping that shows as one.
    expect(within(statuses).getByLabelText(/^approved \(1 row, usual synonym\)/)).toHaveValue(
      'accepted',
    )
    const pending = within(statuses).getByLabelText(/^pending_review \(1 row, not known/)
    expect(pending).toHaveValue('')
    await user.selectOptions(pending, 'accepted')
    await user.click(screen.getByRole('button', { name: 'Read the log again with these columns' }))
    await waitFor(() => {
      expect(
        cellsOf(
          screen.getByRole('table', { name: 'Measured per template and stage' }),
          'hero / final',
        ).slice(0, 2),
      ).toEqual(['4', '3'])
    })
    expect(
      within(screen.getByRole('group', { name: 'Status values' })).getByLabelText(
        /^pending_review \(1 row, mapped by you\)/,
      ),
    ).toHaveValue('accepted')
  })

  it("orders a template's stages by median timestamp, and lets the person reorder them", async () => {
    const user = await openLog('campaign.csv')
    const perTemplate = screen.getByRole('table', { name: 'Per template, all stages' })
    const row = within(perTemplate).getByRole('rowheader', { name: 'tpl-campaign' }).closest('tr')!
    expect(stagesOf(perTemplate, 'tpl-campaign')).toEqual(['concept', 'hero'])
    expect(row).toHaveTextContent("Order: by each stage's median timestamp")
    // $1.757 over hero's 4 kept images.
    expect(cellsOf(perTemplate, 'tpl-campaign').slice(2)).toEqual(['4hero', '$1.76', '$0.439'])
    await user.click(within(row).getByRole('button', { name: 'Move hero up' }))
    expect(stagesOf(perTemplate, 'tpl-campaign')).toEqual(['hero', 'concept'])
    expect(row).toHaveTextContent('Order: as you set it')
    // Now concept is last: $1.757 over its 3 kept images.
    expect(cellsOf(perTemplate, 'tpl-campaign').slice(2)).toEqual(['3concept', '$1.76', '$0.586'])
  })

  it('pages the groups costliest first and shortens a long template name, full text in a title', async () => {
    const user = userEvent.setup()
    render(<UsageLogSection />)
    const long = 'x'.repeat(5000)
    // 60 one-stage templates t0..t59 costing $0.01..$0.60, and one long-named one at $1.
    const lines = ['template,stage,status,cost_usd', `${long},final,accepted,1`]
    for (let i = 0; i < 60; i++) lines.push(`t${String(i)},final,accepted,${String((i + 1) / 100)}`)
    await user.upload(
      await screen.findByLabelText('Usage log file'),
      new File([lines.join('\n')], 'many.csv', { type: 'text/csv' }),
    )
    const table = await screen.findByRole('table', { name: 'Measured per template and stage' })
    const names = () =>
      within(table)
        .getAllByRole('rowheader')
        .map((h) => h.textContent)
    expect(names()).toHaveLength(51) // 50 groups and the All rows line
    expect(names()[0]).toBe(`${'x'.repeat(79)}… / final`)
    expect(within(table).getAllByRole('rowheader')[0]).toHaveAttribute('title', `${long} / final`)
    expect(names()[1]).toBe('t59 / final')
    expect(names()).not.toContain('t9 / final')
    expect(screen.getByText(/Showing 50 of 61 groups, costliest first\./)).toBeVisible()
    await user.click(screen.getByRole('button', { name: 'Show 11 more groups' }))
    expect(names()).toHaveLength(62)
    expect(names()).toContain('t0 / final')
  })

  it('reads JSON Lines with the API usage object, n images per call', async () => {
    await openLog('usage.jsonl')
    expect(screen.getByText(/^usage\.jsonl: 6 rows read in/)).toHaveTextContent(
      /, 2 template stages, 2 rows skipped\.$/,
    )
    const table = screen.getByRole('table', { name: 'Measured per template and stage' })
    // Calls of n = 4, 4 and 1: 9 billed, 1 kept; text 540 x 5e-6 + output 1,764 x 3e-5 = $0.05562.
    const draft = cellsOf(table, 'avatar / draft')
    expect([draft[0], draft[1], draft[2], draft[9]]).toEqual(['9', '1', '9', '$0.0556usage tokens'])
  })

  it('says why a file is not a log, without touching the worksheet', async () => {
    const user = userEvent.setup()
    render(<UsageLogSection />)
    const before = state().scenarios
    await user.upload(
      await screen.findByLabelText('Usage log file'),
      // A workbook saved under a .csv name.
      new File(['PK\u0003\u0004\u0000\u0000'], 'usage.csv', { type: 'text/csv' }),
    )
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'usage.csv: The file contains NUL bytes, so it is not a text log',
    )
    expect(state().scenarios).toBe(before)
  })
})

describe('usage log: estimate vs actual, and apply', () => {
  it('compares hero/final with the Final stage and applies the measured values, undoably', async () => {
    const user = await openLog('draft-final.csv')
    const recon = panel('Estimate vs. actual')
    await user.selectOptions(within(recon).getByLabelText('Log group'), 'hero / final')
    // Paired by name with the default scenario's "Final".
    expect(within(recon).getByLabelText('Stage')).toHaveDisplayValue('Final')
    // Estimate for the log's 2 kept images: 2 x 1.3 x (120 x 5e-6 + 5488 x 3e-5) = $0.429624.
    // Actual $0.519696; difference +$0.090072.
    expect(within(recon).getByRole('status', { name: 'Estimate' })).toHaveTextContent('$0.43')
    expect(within(recon).getByRole('status', { name: 'Actual' })).toHaveTextContent('$0.52')
    expect(within(recon).getByRole('status', { name: 'Difference' })).toHaveTextContent('+$0.0901')
    // Retry: 2 kept x (1.5 - 1.3) x $0.16524 = $0.066096.
    expect(within(recon).getByText(/^Largest cause:/)).toHaveTextContent(
      'Largest cause: Billed images per kept image (+$0.0661).',
    )
    const changes = within(recon).getByRole('table', { name: 'Changes to apply' })
    expect(
      within(changes)
        .getAllByRole('row')
        .slice(1)
        .map((r) => Array.from(r.children, (c) => c.textContent).slice(0, 3)),
    ).toEqual([
      ['Retry multiplier', '1.3', '1.5'],
      ['Prompt tokens', '120', '80'],
      ['Reference images', '0', '1'],
    ])

    expect(monthlyCost()).toHaveTextContent('$92.58')
    await user.click(within(recon).getByRole('button', { name: 'Apply to “Final”' }))
    const final = state().scenarios[0]!.stages[1]!
    expect([final.retryMultiplier, final.promptTokens, final.referenceImages]).toEqual([1.5, 80, 1])
    // Final: 250 jobs x 1.5 = 375 images x (80 x 5e-6 + 1024 x 8e-6 + 5488 x 3e-5 = 0.173232)
    // = $64.962; Draft unchanged at $38.88: $103.842.
    expect(monthlyCost()).toHaveTextContent('$103.84')
    // The stage now matches the log, so the gap is gone (once the worksheet's change has painted).
    await waitFor(() => {
      expect(within(recon).getByRole('status', { name: 'Difference' })).toHaveTextContent('$0.00')
    })

    await user.click(within(recon).getByRole('button', { name: 'Undo' }))
    expect(monthlyCost()).toHaveTextContent('$92.58')
    expect(state().scenarios[0]!.stages[1]!.retryMultiplier).toBe(1.3)
    expect(within(recon).queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument()
  })

  it('in a worksheet of many scenarios, the scenario is found by a search, a page at a time', async () => {
    // The example and 29 copies, each just after the example: "(30)", "(29)" … "(2)", with
    // the newest, "(30)", active.
    for (let i = 0; i < 29; i++) state().duplicateScenario(state().scenarios[0]!.id)
    const user = await openLog('draft-final.csv')
    const recon = panel('Estimate vs. actual')
    const select = within(recon).getByLabelText('Scenario')
    // A page of 20, the one holding the active scenario, not all 30.
    expect(within(select).getAllByRole('option')).toHaveLength(20)
    expect(within(select).queryByRole('option', { name: 'Draft + final (example) (5)' })).toBeNull()
    expect(select).toHaveDisplayValue('Draft + final (example) (30)')
    await user.type(within(recon).getByLabelText('Find a scenario to reconcile'), '(5){Enter}')
    expect(select).toHaveDisplayValue('Draft + final (example) (5)')
  })

  it('pairs a group with a stage only by name; else the person picks, and a different kind of image asks first', async () => {
    const user = await openLog('draft-final.csv')
    const recon = panel('Estimate vs. actual')
    await user.selectOptions(within(recon).getByLabelText('Log group'), 'product / edit')
    // No stage is named "edit": neither the first stage nor the one at the same place is taken.
    expect(within(recon).getByLabelText('Stage')).toHaveValue('')
    expect(
      within(recon).getByText(
        'No stage of “Draft + final (example)” is named like this log group: pick the stage it measures.',
      ),
    ).toBeVisible()
    expect(within(recon).queryByRole('button', { name: /^Apply to/ })).not.toBeInTheDocument()

    await user.selectOptions(within(recon).getByLabelText('Stage'), 'Final')
    // 3 of the 4 images were medium and 3 were 1024x1024; Final is high 1536x1024.
    const changes = within(recon).getByRole('table', { name: 'Changes to apply' })
    expect(
      within(changes)
        .getAllByRole('row')
        .slice(1)
        .map((r) => Array.from(r.children, (c) => c.textContent).slice(0, 3))
        .filter((r) => r[0] === 'Quality' || r[0] === 'Width' || r[0] === 'Height'),
    ).toEqual([
      ['Quality', 'high', 'medium'],
      ['Width', '1,536', '1,024'],
    ])
    const before = state().scenarios
    await user.click(within(recon).getByRole('button', { name: 'Apply to “Final”' }))
    const confirm = within(recon).getByRole('alertdialog', { name: 'Confirm the stage' })
    expect(confirm).toHaveTextContent(
      "The log group and “Final” differ in quality (high in the stage, medium in the log), width (1536 in the stage, 1024 in the log): Apply would make the stage the log's kind of image. Apply anyway?",
    )
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }))
    expect(state().scenarios).toBe(before)
    await user.click(within(recon).getByRole('button', { name: 'Apply to “Final”' }))
    await user.click(within(recon).getByRole('button', { name: 'Apply anyway' }))
    const final = state().scenarios[0]!.stages[1]!
    expect([final.quality, final.width, final.height]).toEqual(['medium', 1024, 1024])
    await user.click(within(recon).getByRole('button', { name: 'Undo' }))
    expect(state().scenarios).toBe(before)
  })

  it('gives the note on images per job once, under the estimate, not again beside Apply', async () => {
    const user = await openLog('draft-final.csv')
    const recon = panel('Estimate vs. actual')
    await user.selectOptions(within(recon).getByLabelText('Log group'), 'hero / draft')
    expect(within(recon).getByLabelText('Stage')).toHaveDisplayValue('Draft')
    expect(within(recon).getByRole('button', { name: 'Apply to “Draft”' })).toBeVisible()
    expect(within(recon).getAllByText(/^This stage keeps 4 images per job/)).toHaveLength(1)
  })

  it('shows one comparison after a second file, for the second file', async () => {
    const user = await openLog('draft-final.csv')
    await user.upload(screen.getByLabelText('Usage log file'), logFile('usage.jsonl'))
    await screen.findByText(/^usage\.jsonl: 6 rows read in/)
    expect(screen.getAllByLabelText('Log group')).toHaveLength(1)
    expect(
      Array.from(
        screen.getByLabelText<HTMLSelectElement>('Log group').options,
        (o) => o.textContent,
      ),
    ).toEqual(['avatar / draft', 'avatar / final'])
  })

  it('offers its own Undo only while Apply is the last change, and says what is on screen', async () => {
    const user = await openLog('draft-final.csv')
    const recon = panel('Estimate vs. actual')
    await user.selectOptions(within(recon).getByLabelText('Log group'), 'hero / final')
    await user.click(within(recon).getByRole('button', { name: 'Apply to “Final”' }))
    const applied =
      'Applied 3 measured values to "Final" in "Draft + final (example)". Undo puts the old values back.'
    expect(within(recon).getByText(applied)).toBeVisible()
    expect(within(recon).getByRole('button', { name: 'Undo' })).toBeVisible()
    // Undone from the header (or Ctrl+Z): the status follows, and redo brings Apply back.
    act(() => {
      state().undo()
    })
    expect(within(recon).getByText('Undone: "Final" has its values from before.')).toBeVisible()
    expect(within(recon).queryByText(applied)).not.toBeInTheDocument()
    expect(within(recon).queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument()
    act(() => {
      state().redo()
    })
    expect(within(recon).getByText(applied)).toBeVisible()
    expect(within(recon).getByRole('button', { name: 'Undo' })).toBeVisible()
    // Undone, then another edit: the panel's Undo must not undo that edit, and
    // the status no longer speaks for a worksheet that has moved on.
    act(() => {
      state().undo()
      state().typeScenarioNumber('jobsPerMonth', '777')
    })
    expect(within(recon).queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument()
    expect(within(recon).queryByText(/^(Applied|Undone)/)).not.toBeInTheDocument()
    expect(state().scenarios[0]!.jobsPerMonth).toBe(777)
  })

  it('names the field to fix instead of comparing a stage it cannot price', async () => {
    const user = await openLog('draft-final.csv')
    const recon = panel('Estimate vs. actual')
    await user.selectOptions(within(recon).getByLabelText('Log group'), 'hero / final')
    const finalId = state().scenarios[0]!.stages[1]!.id
    act(() => {
      state().typeStageNumber(finalId, 'retryMultiplier', 'abc')
    })
    expect(await within(recon).findByText(/No figures until this is fixed/)).toBeVisible()
    expect(within(recon).getByText(/Retry multiplier/)).toBeVisible()
    expect(within(recon).queryByRole('button', { name: /^Apply/ })).not.toBeInTheDocument()
    expect(recon).not.toHaveTextContent('NaN')
  })

  it('creates a scenario from a template that costs what the log cost', async () => {
    const user = await openLog('draft-final.csv')
    const made = panel('New scenario from the log')
    await user.selectOptions(within(made).getByLabelText('Template'), 'hero')
    // $0.03678 + $0.519696 = $0.556476.
    expect(within(made).getByText(/2 stages, 2 jobs a month/)).toHaveTextContent(
      '2 stages, 2 jobs a month: $0.556 a month at list prices.',
    )
    await user.click(
      within(made).getByRole('button', { name: 'Create scenario “hero (from usage log)”' }),
    )
    expect(state().scenarios.map((s) => s.name)).toEqual([
      'Draft + final (example)',
      'hero (from usage log)',
    ])
    expect(monthlyCost()).toHaveTextContent('$0.556')
    state().undo()
    await waitFor(() => {
      expect(state().scenarios).toHaveLength(1)
    })
  })
})
