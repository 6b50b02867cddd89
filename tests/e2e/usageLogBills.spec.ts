import { readFile } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { WorksheetPage } from './pages/worksheet'

// OpenAI's own cost records dropped on the usage-log section (issue 16): each sample's
// months, billed by meter beside the example scenario's estimate, pro rata to the days
// the bill covers.
// The example scenario's image output: drafts 1,000 x 4 x 1.5 = 6,000 low 1024x1024 images
// of 196 tokens, finals 1,000 x 0.25 x 1.3 = 325 high 1536x1024 of 5,488 tokens:
// 2,959,600 tokens x $30/M = $88.788 a month.

async function drop(page: Page, path: string, type: string) {
  const name = path.split('/').pop() ?? path
  const text = await readFile(path, 'utf8')
  const data = await page.evaluateHandle(
    ({ text, name, type }) => {
      const dt = new DataTransfer()
      dt.items.add(new File([text], name, { type }))
      return dt
    },
    { text, name, type },
  )
  const zone = page.locator('[data-drop-zone="usage-log"]')
  await zone.dispatchEvent('dragover', { dataTransfer: data })
  await zone.dispatchEvent('drop', { dataTransfer: data })
}

async function open(page: Page) {
  const ws = new WorksheetPage(page)
  await ws.open()
  await ws.goTo('Usage log')
  await page.locator('[data-drop-zone="usage-log"]').waitFor()
  return page.getByRole('region', { name: 'Calibrate from a usage log' })
}

const cells = (table: ReturnType<Page['getByRole']>, row: string) =>
  table.getByRole('row', { name: new RegExp(`^${row}`) }).getByRole('cell')

test('the cost export sample: months split at UTC midnight, by meter, project and apart', async ({
  page,
}) => {
  const section = await open(page)
  await drop(page, 'public/sample-cost-export.csv', 'text/csv')
  await expect(section.getByRole('status').first()).toHaveText(
    /^sample-cost-export\.csv: OpenAI cost export, 10 rows read in .*, 2 months\.$/,
  )
  const panel = section.getByRole('region', { name: 'Billed vs. estimate' })
  const march = panel.getByRole('table', { name: 'Billed vs. estimate by meter, March 2026' })
  // March 31 only: $1.20 billed against $88.788 / 31 = $2.864; -$1.664 is -58.1%.
  await expect(cells(march, 'Image output')).toHaveText(['$1.20', '$2.86', '-$1.66', '-58.1%'])
  await expect(
    panel.getByText(/the bill covers 1 of 31 days \(2026-03-31 to 2026-03-31\)/),
  ).toBeVisible()
  const april = panel.getByRole('table', { name: 'Billed vs. estimate by meter, April 2026' })
  // April 1-2: 2.40 + 0.60 + 1.80 = $4.80 against $88.788 x 2/30 = $5.919; -$1.119 is -18.9%.
  await expect(cells(april, 'Image output')).toHaveText(['$4.80', '$5.92', '-$1.12', '-18.9%'])
  await expect(cells(april, 'Image input')).toHaveText(['$0.16', '$0.00', '+$0.16', '—'])
  await expect(cells(april, 'Cached text input').first()).toHaveText('$0.010')
  // 4.80 + 0.16 + 0.10 + 0.01 = $5.07 of image models.
  await expect(cells(april, 'Total').first()).toHaveText('$5.07')
  await expect(panel.getByText(/the bill covers 2 of 30 days/)).toBeVisible()
  await expect(panel.getByText('gpt-4o-2024-08-06, input: $0.30 (1 row)')).toBeVisible()
  await expect(panel.getByText('web search tool calls: $0.25 (1 row)')).toBeVisible()
  const projects = panel.getByRole('table', { name: 'Billed per project and month' })
  await expect(projects.getByRole('row')).toHaveCount(4)
  // Mobile app in April: $0.60 of image output, $0.30 of another model, $0.25 not placed.
  await expect(projects.getByRole('row', { name: /Mobile app/ }).getByRole('cell')).toHaveText([
    'April 2026',
    '2 of 30',
    '$0.00',
    '$0.00',
    '$0.00',
    '$0.00',
    '$0.60',
    '$0.60',
    '$0.30',
    '$0.25',
  ])
})

test('the Costs API sample: April 30 and May 1 apart, two image models', async ({ page }) => {
  const section = await open(page)
  await drop(page, 'public/sample-costs-api.json', 'application/json')
  await expect(section.getByRole('status').first()).toHaveText(
    /^sample-costs-api\.json: Costs API pages, 5 rows read in .*, 2 months\.$/,
  )
  const panel = section.getByRole('region', { name: 'Billed vs. estimate' })
  const april = panel.getByRole('table', { name: 'Billed vs. estimate by meter, April 2026' })
  // $0.90 against $88.788 / 30 = $2.960; -$2.060 is -69.6%.
  await expect(cells(april, 'Image output')).toHaveText(['$0.90', '$2.96', '-$2.06', '-69.6%'])
  const may = panel.getByRole('table', { name: 'Billed vs. estimate by meter, May 2026' })
  // 0.60 (gpt-image-2) + 0.40 (gpt-image-1) = $1.00 against $88.788 / 31 = $2.864: -65.1%.
  await expect(cells(may, 'Image output')).toHaveText(['$1.00', '$2.86', '-$1.86', '-65.1%'])
  await expect(
    panel.getByText('Image models billed: gpt-image-2 $0.68, gpt-image-1 $0.40.'),
  ).toBeVisible()
  await expect(panel.getByRole('table', { name: 'Billed per project and month' })).toHaveCount(0)
})

test('a file of no known shape names the shapes recognised', async ({ page }) => {
  const section = await open(page)
  await page.getByLabel('Usage log file').setInputFiles({
    name: 'notes.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('colour,weight\nred,3\n'),
  })
  const alert = section.getByRole('alert')
  await expect(alert).toContainText('notes.csv: No column of this log has a name the reader knows')
  await expect(alert).toContainText('the OpenAI cost export CSV')
  await expect(alert).toContainText('Costs API pages')
})

test('the Usage API images sample: images by model, size and source; jobs per month applied and undone', async ({
  page,
}) => {
  const section = await open(page)
  await drop(page, 'public/sample-usage-images.json', 'application/json')
  await expect(section.getByRole('status').first()).toHaveText(
    /^sample-usage-images\.json: Usage API pages for images, 4 rows read in .*, 1 month\.$/,
  )
  const panel = section.getByRole('region', { name: 'Images billed', exact: true })
  const may = panel.getByRole('table', {
    name: 'Images billed by model, size and source, May 2026',
  })
  // May 1 and 2: 120 + 80 generated 1024x1024 images of gpt-image-2 in 40 + 20 requests.
  await expect(may.getByRole('row').nth(1).getByRole('cell')).toHaveText([
    '1024x1024',
    'generation',
    '200',
    '60',
  ])
  await expect(may.getByRole('row', { name: /^Total/ }).getByRole('cell')).toHaveText([
    '',
    '240',
    '100',
  ])
  await expect(panel.getByText(/the pages cover 2 of 31 days/)).toBeVisible()
  // 240 images in 2 of 31 days: 3,720 a month; the example bills 6.325 images a job
  // (6,325 for 1,000 jobs), so 3,720 / 6.325 = 588 jobs.
  const apply = panel.getByRole('region', { name: 'Apply the billed image count' })
  await expect(apply.getByRole('row', { name: /^Jobs per month/ }).getByRole('cell')).toHaveText([
    '1,000',
    '588',
  ])
  const ws = new WorksheetPage(page)
  await apply.getByRole('button', { name: 'Apply jobs per month' }).click()
  await expect(apply.getByRole('status')).toHaveText(
    'Applied: jobs per month 1,000 → 588. Undo puts it back.',
  )
  await expect(ws.field('Jobs per month')).toHaveValue('588')
  await apply.getByRole('button', { name: 'Undo' }).click()
  await expect(ws.field('Jobs per month')).toHaveValue('1000')
  await expect(apply.getByText(/^Applied:/)).toHaveCount(0)
  await expect(apply.getByRole('button', { name: 'Undo' })).toHaveCount(0)
})

// The saved responses sample (docs/usage-log-format.md): May 1-2, 2026, gpt-image-2.
test('saved Images API responses: tokens per image against the engine; Apply previewed, confirmed and undone', async ({
  page,
}) => {
  const section = await open(page)
  await drop(page, 'public/sample-saved-responses.jsonl', 'application/x-ndjson')
  await expect(section.getByRole('status').first()).toHaveText(
    /^sample-saved-responses\.jsonl: saved Images API responses, 5 responses read in .*, 9 images\.$/,
  )
  const panel = section.getByRole('region', { name: 'Tokens per image' })
  const may = panel.getByRole('table', {
    name: 'Tokens per image by model, size and quality, May 2026',
  })
  await expect(may.getByRole('row')).toHaveCount(4)
  // Low 1024x1024: (784 + 392) / 6 = 196, the engine's 196; text (240 + 120) / 6 = 60.
  await expect(may.getByRole('row').nth(1).getByRole('cell')).toHaveText([
    '1024x1024',
    'low',
    '2',
    '6',
    '196',
    '196',
    '0%',
    '60',
    '0',
  ])
  // Medium 1536x1024: 3,000 image output tokens / 2 = 1,500 against the rule's 1,372 (+9.3%);
  // text (90 + 70) / 2 = 80; image input (776 + 776) / 2 = 776.
  await expect(may.getByRole('row').nth(2).getByRole('cell')).toHaveText([
    '1536x1024',
    'medium',
    '2',
    '2',
    '1,500',
    '1,372',
    '+9.3%',
    '80',
    '776',
  ])
  await expect(may.getByRole('row').nth(3).getByRole('cell')).toHaveText([
    '1024x1024',
    'auto',
    '1',
    '1',
    '7,024',
    '—',
    '—',
    '50',
    '0',
  ])

  const ws = new WorksheetPage(page)
  const apply = panel.getByRole('region', { name: 'Apply the measured tokens' })
  await expect(apply.getByText(/retry multiplier cannot be measured from them/)).toBeVisible()
  // The low group pairs with Draft (low 1024x1024): only its prompt tokens change.
  await expect(apply.getByLabel('Stage').locator('option:checked')).toHaveText('Draft')
  await expect(apply.getByRole('row', { name: /^Prompt tokens/ }).getByRole('cell')).toHaveText([
    '120',
    '60',
    'Text input tokens per image in the saved responses.',
  ])
  // No stage is medium 1536x1024: the person picks Final (high), and Apply asks first.
  await apply
    .getByLabel('Measured group')
    .selectOption('May 2026: gpt-image-2 · 1536x1024 · medium')
  await expect(apply.getByLabel('Stage')).toHaveValue('')
  await expect(apply.getByRole('button', { name: 'Apply measured tokens' })).toBeDisabled()
  await apply.getByLabel('Stage').selectOption({ label: 'Final' })
  await expect(apply.getByRole('table', { name: 'Changes to apply' }).getByRole('row')).toHaveText([
    /^Field/,
    /^Prompt tokens12080/,
    /^Reference images01/,
    /^Tokens per reference image1,024776/,
  ])
  await expect(ws.figure('Monthly cost')).toContainText('$92.58')
  await apply.getByRole('button', { name: 'Apply measured tokens' }).click()
  const confirm = apply.getByRole('alertdialog', { name: 'Confirm the stage' })
  await expect(confirm).toContainText('quality medium (the stage: high)')
  await confirm.getByRole('button', { name: 'Apply anyway' }).click()
  await expect(apply.getByRole('status')).toHaveText(
    'Applied to “Final”: Prompt tokens 120 → 80; Reference images 0 → 1; Tokens per reference image 1,024 → 776. Undo puts the old values back.',
  )
  // Final bills 325 images: 40 fewer text tokens (-$0.065), 776 image tokens (+$2.0176).
  await expect(ws.figure('Monthly cost')).toContainText('$94.54')
  await expect(ws.stageField('Final', 'Prompt tokens')).toHaveValue('80')
  await apply.getByRole('button', { name: 'Undo' }).click()
  await expect(ws.figure('Monthly cost')).toContainText('$92.58')
  await expect(ws.stageField('Final', 'Prompt tokens')).toHaveValue('120')
  await expect(apply.getByRole('status')).toHaveText(
    'Undone: the stage has its values from before.',
  )
})

test('Costs API quantities and Usage API image counts in one file: tokens per billed image', async ({
  page,
}) => {
  const section = await open(page)
  await drop(page, 'public/sample-costs-and-images.json', 'application/json')
  const panel = section.getByRole('region', { name: 'Tokens per billed image', exact: true })
  // 70,240 / 40 = 1,756 output tokens; 2,400 / 40 = 60 text; 7,760 / 40 = 194 image input.
  await expect(
    panel
      .getByRole('table', { name: 'Tokens per billed image by month and model' })
      .getByRole('row', { name: /gpt-image-2/ })
      .getByRole('cell'),
  ).toHaveText([
    'May 2026',
    '40',
    '1,756',
    '1024x1024: low 196, medium 1,756, high 7,024',
    '60',
    '194',
  ])
})
