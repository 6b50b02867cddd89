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
