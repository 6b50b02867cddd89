import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { UndoRedo } from '../../src/app/UndoRedo'
import { HowComputed } from '../../src/components/results/HowComputed'
import { ResultsPanel } from '../../src/components/results/ResultsPanel'
import { PricesSection } from '../../src/components/worksheet/PricesSection'
import { ScenarioSection } from '../../src/components/worksheet/ScenarioSection'
import { StagesSection } from '../../src/components/worksheet/StagesSection'

// The worksheet and what it drives, without the tools below it: those are tested on their own,
// and mounting them made each of these tests several times slower.
function Worksheet() {
  return (
    <>
      <UndoRedo />
      <ScenarioSection />
      <StagesSection />
      <PricesSection />
      <ResultsPanel />
      <HowComputed />
    </>
  )
}

// The default scenario, by hand: Draft 1,000 jobs x 4 images x 1.5 retries = 6,000 low
// 1024x1024 images (196 tokens): $35.28 output + 6,000 x 120 prompt tokens x $5/M = $3.60.
// Final 250 jobs x 1.3 = 325 high 1536x1024 images (5,488 tokens): $53.508 + $0.195.
// Total $92.583.
const monthly = () => screen.getByRole('status', { name: 'Monthly cost' })
const stage = (name: string) => screen.getByRole('group', { name })

async function retype(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.clear(field)
  if (text) await user.type(field, text)
}

describe('the worksheet', () => {
  it('shows the default scenario priced by the engine', () => {
    render(<Worksheet />)
    expect(monthly()).toHaveTextContent('$92.58')
    expect(screen.getByRole('status', { name: 'Cost per job' })).toHaveTextContent('$0.0926')
    // 92.583 / 250 finals = 0.370332 (not / 4,250 kept images of both stages)
    expect(screen.getByRole('status', { name: 'Cost per delivered image' })).toHaveTextContent(
      '$0.370',
    )
    expect(screen.getByRole('status', { name: 'Annual cost' })).toHaveTextContent('$1,111.00')
  })

  it('recomputes on every keystroke', async () => {
    const user = userEvent.setup()
    render(<Worksheet />)
    const jobs = screen.getByLabelText('Jobs per month')
    await user.clear(jobs)
    await user.type(jobs, '2')
    // 2 jobs: 0.092583 x 2 = $0.185166
    expect(monthly()).toHaveTextContent('$0.185')
    await user.type(jobs, '000')
    expect(monthly()).toHaveTextContent('$185.17')
  })

  it('breaks the total down by stage and by meter, and the tables follow typing', async () => {
    const user = userEvent.setup()
    render(<Worksheet />)
    const rows = (caption: string) =>
      within(screen.getByRole('table', { name: caption }))
        .getAllByRole('row')
        .slice(1)
        .map((row) =>
          within(row)
            .getAllByRole('cell')
            .map((cell) => cell.textContent),
        )
    // Draft: 6,000 images, $35.28 + $3.60 = $38.88, $0.00648 each. Final: 325 images,
    // $53.508 + $0.195 = $53.703, $0.16524 each.
    expect(rows('By stage')).toEqual([
      ['6,000', '$0.00648', '$38.88'],
      ['325', '$0.165', '$53.70'],
    ])
    // Text input: (6,000 + 325) x 120 = 759,000 tokens at $5/M = $3.795. Image output:
    // 6,000 x 196 + 325 x 5,488 = 2,959,600 tokens at $30/M = $88.788.
    expect(rows('By meter')).toEqual([
      ['$5.00', '759,000', '$3.80'],
      ['$1.25', '0', '$0.00'],
      ['$8.00', '0', '$0.00'],
      ['$2.00', '0', '$0.00'],
      ['$30.00', '2,959,600', '$88.79'],
    ])

    // Twice the jobs: the total at once, the tables a frame later (after the total is painted).
    const jobs = screen.getByLabelText('Jobs per month')
    await user.type(jobs, '0')
    expect(monthly()).toHaveTextContent('$925.83')
    await waitFor(() => {
      expect(rows('By stage')).toEqual([
        ['60,000', '$0.00648', '$388.80'],
        ['3,250', '$0.165', '$537.03'],
      ])
    })
    expect(rows('By meter')[4]).toEqual(['$30.00', '29,596,000', '$887.88'])
  })

  it('keeps bad input on screen, explains it at the field and marks the total incomplete', async () => {
    const user = userEvent.setup()
    render(<Worksheet />)
    const jobs = screen.getByLabelText('Jobs per month')
    await retype(user, jobs, '12abc')
    expect(jobs).toHaveValue('12abc')
    expect(jobs).toHaveAttribute('aria-invalid', 'true')
    expect(jobs).toHaveAccessibleDescription(
      expect.stringContaining('Jobs per month must be a number from 0 to 1,000,000,000,000.'),
    )
    expect(monthly()).toHaveTextContent('Incomplete')
    expect(document.body).not.toHaveTextContent(/NaN|Infinity/)

    await retype(user, jobs, '1e400')
    expect(jobs).toHaveAccessibleDescription(
      expect.stringContaining('Jobs per month is too large to compute'),
    )

    await retype(user, jobs, '')
    expect(jobs).toHaveValue('')
    expect(monthly()).toHaveTextContent('Incomplete')

    await retype(user, jobs, '1,000')
    expect(jobs).toHaveValue('1,000')
    expect(monthly()).toHaveTextContent('$92.58')
  })

  it.each([
    [
      'Final',
      'Retry multiplier',
      '0.5',
      'Retry multiplier must be at least 1 (every kept image takes at least one billed attempt); it is 0.5.',
    ],
    [
      'Draft',
      'Share of jobs reaching this stage',
      '150',
      'Share of jobs reaching this stage must be at most 100%; it is 150%.',
    ],
    ['Draft', 'Images per job', '-2', 'Images per job must be at least 0; it is -2.'],
    ['Final', 'Outputs per request', '11', 'Outputs per request must be at most 10; it is 11.'],
  ])('in %s, %s = %s is explained at the field', async (stageName, label, text, message) => {
    const user = userEvent.setup()
    render(<Worksheet />)
    const field = within(stage(stageName)).getByLabelText(label)
    await retype(user, field, text)
    expect(field).toHaveValue(text)
    expect(field).toHaveAccessibleDescription(expect.stringContaining(message))
    expect(monthly()).toHaveTextContent('Incomplete')
  })

  it('explains a size the model cannot make', async () => {
    const user = userEvent.setup()
    render(<Worksheet />)
    const final = within(stage('Final'))
    await retype(user, final.getByLabelText('Width'), '1920')
    await retype(user, final.getByLabelText('Height'), '1080')
    expect(final.getByLabelText('Size')).toHaveValue('custom')
    expect(final.getByLabelText('Height')).toHaveAccessibleDescription(
      expect.stringContaining('Height 1,080 px is not a multiple of 16'),
    )
    await retype(user, final.getByLabelText('Height'), '1088')
    // 1920x1088 high: f=96, s=round(96*1088/1920)=54, ceil(96*54*(2,088,960+2,000,000)/4e6) = 5,300
    // Final: 325 x 5,300 x $30/M = $51.675 + $0.195; total $38.88 + $51.87 = $90.75
    expect(monthly()).toHaveTextContent('$90.75')
  })

  it('prices auto quality as the assumption picked for it', async () => {
    const user = userEvent.setup()
    render(<Worksheet />)
    const final = within(stage('Final'))
    await user.selectOptions(final.getByLabelText('Quality'), 'auto')
    await user.selectOptions(final.getByLabelText('Bill auto as'), 'medium')
    // Final at medium: 325 x 1,372 x $30/M = $13.377 + $0.195; total $38.88 + $13.572 = $52.452
    expect(monthly()).toHaveTextContent('$52.45')
  })

  it('applies a retry quick pick', async () => {
    const user = userEvent.setup()
    render(<Worksheet />)
    const draft = within(stage('Draft'))
    await user.click(draft.getByRole('button', { name: 'New prompt, no review loop: 2×' }))
    expect(draft.getByLabelText('Retry multiplier')).toHaveValue('2')
    // Draft: 8,000 images x 196 x $30/M = $47.04 + 8,000 x 120 x $5/M = $4.80; + Final $53.703
    expect(monthly()).toHaveTextContent('$105.54')
  })

  it('overrides a price, marks it and resets it in one click', async () => {
    const user = userEvent.setup()
    render(<Worksheet />)
    await retype(user, screen.getByLabelText('Image output'), '15')
    expect(screen.getByText('Overridden')).toBeInTheDocument()
    // Output halves: (35.28 + 53.508) / 2 + 3.795 = $48.189
    expect(monthly()).toHaveTextContent('$48.19')
    await user.click(
      screen.getByRole('button', { name: 'Reset Image output to the default $30.00' }),
    )
    expect(screen.getByLabelText('Image output')).toHaveValue('30')
    expect(monthly()).toHaveTextContent('$92.58')
  })

  it('halves everything on the Batch API', async () => {
    const user = userEvent.setup()
    render(<Worksheet />)
    await user.click(screen.getByLabelText('Batch API (50% off)'))
    expect(monthly()).toHaveTextContent('$46.29')
  })

  it('adds, renames, reorders and removes stages, and undo brings a removed stage back', async () => {
    const user = userEvent.setup()
    render(<Worksheet />)
    await user.click(screen.getByRole('button', { name: '+ Add stage' }))
    const added = stage('Stage 3')
    await retype(user, within(added).getByLabelText('Stage name'), 'Upscale')
    expect(stage('Upscale')).toBeInTheDocument()
    // A copy of Final: total $92.583 + $53.703
    expect(monthly()).toHaveTextContent('$146.29')

    await user.click(screen.getByRole('button', { name: 'Move Upscale up' }))
    expect(
      screen.getAllByLabelText('Stage name').map((i) => (i as HTMLInputElement).value),
    ).toEqual(['Draft', 'Upscale', 'Final'])

    await user.click(screen.getByRole('button', { name: 'Remove Final' }))
    expect(screen.queryByRole('group', { name: 'Final' })).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Undo' }))
    expect(stage('Final')).toBeInTheDocument()
    expect(monthly()).toHaveTextContent('$146.29')
  })

  it('undoes a whole typed value in one step, by button and by keyboard', async () => {
    const user = userEvent.setup()
    // The keyboard shortcuts come with the Undo and Redo buttons, in the worksheet here.
    render(<Worksheet />)
    const jobs = screen.getByLabelText('Jobs per month')
    await retype(user, jobs, '2000')
    expect(monthly()).toHaveTextContent('$185.17')
    await user.click(screen.getByRole('button', { name: 'Undo' }))
    expect(jobs).toHaveValue('1000')
    expect(monthly()).toHaveTextContent('$92.58')
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}')
    expect(jobs).toHaveValue('2000')
    await user.keyboard('{Control>}z{/Control}')
    expect(jobs).toHaveValue('1000')
    expect(screen.getByRole('button', { name: 'Redo' })).toBeEnabled()
  })

  it('writes out the formula with the numbers plugged in', async () => {
    const user = userEvent.setup()
    render(<Worksheet />)
    await user.click(screen.getByRole('heading', { name: 'How this is computed' }))
    const how = screen.getByRole('heading', { name: 'How this is computed' }).closest('details')
    expect(how).toHaveAttribute('open')
    // The workings' code loads when the details are first opened.
    await waitFor(() => {
      expect(how).toHaveTextContent('= 6,000 billed images')
    })
    expect(how).toHaveTextContent(
      '1,000 jobs × 100% × 4 images × 1.5 retries × 1 per request = 6,000 billed images',
    )
    expect(how).toHaveTextContent(
      '6,000 × (196 tokens at low 1024x1024) = 1,176,000 tokens × $30.00/1M = $35.28',
    )
  })

  it('warns when prices have not been re-checked for longer than the chosen number of days', async () => {
    const user = userEvent.setup()
    render(<Worksheet />)
    expect(screen.getByRole('note')).toHaveTextContent('Prices were last checked on 2026-04-28')
    const today = new Date().toISOString().slice(0, 10)
    await user.type(screen.getByLabelText('Prices checked on'), today)
    expect(screen.queryByRole('note')).not.toBeInTheDocument()
  })
})

describe('the "Delivers final images" checkbox', () => {
  it('is ticked on the final by default and moves the cost per delivered image', async () => {
    const user = userEvent.setup()
    render(<Worksheet />)
    const delivered = () => screen.getByRole('status', { name: 'Cost per delivered image' })
    const box = (stage: string) =>
      within(screen.getByRole('group', { name: stage })).getByRole('checkbox', {
        name: 'Delivers final images',
      })
    expect(box('Draft')).not.toBeChecked()
    expect(box('Final')).toBeChecked()
    // Draft delivers too: 92.583 / (4,000 + 250) = 0.021784...
    await user.click(box('Draft'))
    expect(delivered()).toHaveTextContent('$0.0218')
    // Neither delivers: no figure, and the panel says why
    await user.click(box('Draft'))
    await user.click(box('Final'))
    expect(delivered()).toHaveTextContent('—')
    expect(screen.getByText(/No stage is marked "Delivers final images"/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Undo' }))
    expect(delivered()).toHaveTextContent('$0.370')
  })
})
