import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { UndoRedo } from '../../src/app/UndoRedo'
import { ImportExportBar } from '../../src/components/importExport/ImportExportBar'
import { ResultsPanel } from '../../src/components/results/ResultsPanel'
import { ScenarioBar } from '../../src/components/scenarios/ScenarioBar'

// The import bar with what an import changes (the scenario list, the total) and undo.
function ImportAndScenarios() {
  return (
    <>
      <UndoRedo />
      <ScenarioBar />
      <ImportExportBar />
      <ResultsPanel />
    </>
  )
}

const file = (path: string, name = path.split('/').pop() ?? 'file.csv') =>
  new File([readFileSync(resolve(path))], name, { type: 'text/csv' })

const scenarioNames = () =>
  within(screen.getByRole('navigation', { name: 'Scenarios' }))
    .getAllByRole('listitem')
    .map((li) => li.textContent)

describe('importing scenarios from CSV', () => {
  it('previews a file with its totals, imports it on request, and undo reverts the import', async () => {
    const user = userEvent.setup()
    render(<ImportAndScenarios />)
    await user.upload(
      screen.getByLabelText('Import scenarios from a CSV file'),
      file('public/example-scenarios.csv'),
    )
    const dialog = await screen.findByRole('dialog', {
      name: 'Import preview: example-scenarios.csv',
    })
    // Nothing has changed yet.
    expect(scenarioNames()).toEqual(['Draft + final (example)'])
    // Blog illustrations: the default workflow, $92.583. Marketplace, on the Batch API:
    // edits 7,200 x 1,372 x $30/M = $296.352 + prompt $4.50 (half cached) + references
    // $36.864 (half cached) = $337.716 / 2 = $168.858; hero 600 x 7,024 x $30/M = $126.432
    // + $0.60 + $4.9152 = $131.9472 / 2 = $65.9736. Total $234.8316.
    const rows = within(within(dialog).getByRole('table', { name: 'Scenarios in the file' }))
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent)
    expect(rows).toEqual([
      'Blog illustrations: draft + final2–32$92.58',
      'Marketplace listings: photo edits4–52$234.83',
    ])
    await user.click(within(dialog).getByRole('button', { name: 'Add 2 scenarios' }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(scenarioNames()).toEqual([
      'Draft + final (example)',
      'Blog illustrations: draft + final',
      'Marketplace listings: photo edits',
    ])
    expect(screen.getByRole('status', { name: 'Monthly cost' })).toHaveTextContent('$92.58')
    await user.click(screen.getByRole('button', { name: 'Undo' }))
    expect(scenarioNames()).toEqual(['Draft + final (example)'])
  })

  it('says before adding which names get a number, and adds them so', async () => {
    const user = userEvent.setup()
    render(<ImportAndScenarios />)
    const input = screen.getByLabelText('Import scenarios from a CSV file')
    await user.upload(input, file('public/example-scenarios.csv'))
    let dialog = await screen.findByRole('dialog')
    // Nothing in the worksheet shares a name with the file: nothing to say.
    expect(within(dialog).queryByText(/Names are unique/)).not.toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Add 2 scenarios' }))

    await user.upload(input, file('public/example-scenarios.csv', 'again.csv'))
    dialog = await screen.findByRole('dialog', { name: 'Import preview: again.csv' })
    expect(within(dialog).getByText(/Names are unique/)).toHaveTextContent(
      'Names are unique within a worksheet. Add gives 2 scenarios a number: ' +
        '“Blog illustrations: draft + final” as “Blog illustrations: draft + final (2)”, ' +
        '“Marketplace listings: photo edits” as “Marketplace listings: photo edits (2)”. ' +
        'Replace keeps every name.',
    )
    await user.click(within(dialog).getByRole('button', { name: 'Add 2 scenarios' }))
    expect(scenarioNames()).toEqual([
      'Draft + final (example)',
      'Blog illustrations: draft + final',
      'Marketplace listings: photo edits',
      'Blog illustrations: draft + final (2)',
      'Marketplace listings: photo edits (2)',
    ])
  })

  it('explains every problem by row and column, and cancelling changes nothing', async () => {
    const user = userEvent.setup()
    render(<ImportAndScenarios />)
    await user.upload(
      screen.getByLabelText('Import scenarios from a CSV file'),
      file('tests/fixtures/csv/error-non-numeric.csv'),
    )
    const dialog = await screen.findByRole('dialog')
    const problems = within(dialog).getByRole('table', { name: /^Problems/ })
    const first = within(problems).getAllByRole('row')[1]!
    expect(
      within(first)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['2', 'jobs_per_month', expect.stringContaining('1,200')])
    expect(within(dialog).queryByRole('button', { name: /^Add/ })).not.toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(scenarioNames()).toEqual(['Draft + final (example)'])
    expect(screen.getByText('Import cancelled: nothing changed.')).toBeInTheDocument()
  })

  it('refuses an empty file with a clear message', async () => {
    const user = userEvent.setup()
    render(<ImportAndScenarios />)
    await user.upload(
      screen.getByLabelText('Import scenarios from a CSV file'),
      new File([''], 'empty.csv', { type: 'text/csv' }),
    )
    const dialog = await screen.findByRole('dialog')
    expect(dialog).toHaveTextContent('The file is empty.')
    expect(dialog).toHaveTextContent('No scenario could be read. Nothing has changed.')
  })
})
