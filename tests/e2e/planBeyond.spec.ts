import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { addAcme } from './pages/models'
import { WorksheetPage } from './pages/worksheet'

// Issue 17: a custom model, a currency and a year of growth, out through CSV and back in.
// Acme v1 at $0.01 low and $0.12 high per image prices the example at 6,000 x $0.01 +
// 325 x $0.12 = $99.00 a month (tests/e2e/customModels.spec.ts). Growing 10% a month from
// January 2027: 99 x (1.1^12 - 1) / 0.1 = 99 x 21.384284 = $2,117.04 over twelve months.
// In EUR at 0.92: €91.08 a month, €1,947.68 over the year.

async function inEuros(page: Page, ws: WorksheetPage) {
  const card = page.getByRole('region', { name: 'Currency' })
  await card.getByLabel('Currency', { exact: true }).selectOption('EUR')
  await ws.fill(card.getByLabel('Exchange rate (per USD)'), '0.92')
  await card.getByLabel('Rate date').fill('2026-11-27')
}

async function figures(page: Page, ws: WorksheetPage) {
  await ws.goTo('Decision tools')
  const year = page.getByRole('region', { name: '12-month projection' })
  return {
    monthly: await ws.figure('Monthly cost').textContent(),
    year: await year.getByRole('status', { name: '12-month total' }).textContent(),
    growth: await year.getByLabel('Monthly growth').inputValue(),
    start: await year.getByLabel('Starting month').inputValue(),
    model: await ws.field('Model').locator('option:checked').textContent(),
  }
}

test('a custom model, a currency and a year of growth come back from a CSV file with the same figures', async ({
  page,
  browser,
}) => {
  const ws = new WorksheetPage(page)
  await ws.open()
  await addAcme(page, ws)
  await ws.field('Model').selectOption({ label: 'Acme v1 (custom)' })
  await inEuros(page, ws)
  await ws.goTo('Decision tools')
  const year = page.getByRole('region', { name: '12-month projection' })
  await ws.fill(year.getByLabel('Monthly growth'), '10')
  await year.getByLabel('Starting month').fill('2027-01')
  const expected = {
    monthly: '€91.08',
    year: '€1,947.68',
    growth: '10',
    start: '2027-01',
    model: 'Acme v1 (custom)',
  }
  await expect.poll(() => figures(page, ws)).toEqual(expected)

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export all (CSV)' }).click()
  const file = await (await download).path()

  // A colleague's browser: the same currency setting, never the model.
  const fresh = await browser.newContext()
  const other = await fresh.newPage()
  const ws2 = new WorksheetPage(other)
  await ws2.open()
  await inEuros(other, ws2)
  await other.getByLabel('Import scenarios from a CSV file').setInputFiles(file)
  await other
    .getByRole('dialog', { name: /^Import preview/ })
    .getByRole('button', { name: 'Replace my scenarios with 1 scenario' })
    .click()
  await expect.poll(() => figures(other, ws2)).toEqual(expected)
  await fresh.close()
})
