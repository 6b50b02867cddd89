import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { ComparePage, WorksheetPage } from './pages/worksheet'

const scenarioTabs = (page: Page) =>
  page.getByRole('navigation', { name: 'Scenarios' }).getByRole('listitem')

test('import through the file chooser: preview, import, undo', async ({ page }) => {
  const ws = new WorksheetPage(page)
  await ws.open()
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import CSV…' }).click()
  await (await chooser).setFiles('public/example-scenarios.csv')

  const dialog = page.getByRole('dialog', { name: 'Import preview: example-scenarios.csv' })
  await expect(dialog).toBeVisible()
  // Hand computations in tests/components/importExport.test.tsx.
  await expect(dialog.getByRole('row', { name: /^Marketplace listings/ })).toContainText('$234.83')
  await expect(scenarioTabs(page)).toHaveCount(1)
  await dialog.getByRole('button', { name: 'Add 2 scenarios' }).click()
  await expect(scenarioTabs(page)).toHaveText([
    'Draft + final (example)',
    'Blog illustrations: draft + final',
    'Marketplace listings: photo edits',
  ])
  await page.keyboard.press('Control+z')
  await expect(scenarioTabs(page)).toHaveText(['Draft + final (example)'])
})

test('a broken file is explained row by row and changes nothing', async ({ page }) => {
  const ws = new WorksheetPage(page)
  await ws.open()
  await page
    .getByLabel('Import scenarios from a CSV file')
    .setInputFiles('tests/fixtures/csv/error-out-of-range.csv')
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByRole('table', { name: /^Problems/ })).toBeVisible()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  await expect(scenarioTabs(page)).toHaveCount(1)
  await expect(ws.figure('Monthly cost')).toHaveText('$92.58')
})

test('export downloads every number exactly and imports back identical', async ({ page }) => {
  const ws = new WorksheetPage(page)
  await ws.open()
  const compare = new ComparePage(page)
  await compare.addPreset('Marketplace listing images')
  await ws.fill(ws.field('Scenario name'), '=HYPERLINK("x") listings')
  await ws.fill(ws.stageField('Edit listing photo', 'Retry multiplier'), '1.2345678901234567')

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export all (CSV)' }).click()
  const file = await (await download).path()
  const csv = readFileSync(file, 'utf8')
  const lines = csv.trimEnd().split('\r\n')
  expect(lines).toHaveLength(4)
  // A name starting with = is escaped so a spreadsheet shows it as text.
  expect(lines[3]).toContain(`"'=HYPERLINK(""x"") listings"`)
  expect(lines[3]).toContain(',1.2345678901234567,')

  await page.getByLabel('Import scenarios from a CSV file').setInputFiles(file)
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('button', { name: /^Replace my scenarios/ }).click()
  await expect(scenarioTabs(page)).toHaveText([
    'Draft + final (example)',
    '=HYPERLINK("x") listings',
  ])
  await page.getByRole('button', { name: '=HYPERLINK("x") listings' }).click()
  await expect(ws.stageField('Edit listing photo', 'Retry multiplier')).toHaveValue(
    '1.2345678901234567',
  )
})
