import { expect, test } from '@playwright/test'
import { ComparePage, WorksheetPage } from './pages/worksheet'

// The example ($92.583 a month at 1,000 jobs) growing 10% a month from January 2027:
//   month k costs 92.583 x 1.1^(k-1): Jun 2027 $149.11, Jul 2027 $164.02
//   12-month total 92.583 x (1.1^12 - 1) / 0.1 = 92.583 x 21.384284 = $1,979.82

test('growth typed into the projection gives the 12-month total, the month over budget, and survives a reload', async ({
  page,
}) => {
  const ws = new WorksheetPage(page)
  await ws.open()
  await ws.goTo('Decision tools')
  const year = page.getByRole('region', { name: '12-month projection' })
  const total = year.getByRole('status', { name: '12-month total' })
  // Flat: twelve months of $92.583.
  await expect(total).toHaveText('$1,111.00')

  await ws.fill(year.getByLabel('Monthly growth'), '10')
  await year.getByLabel('Starting month').fill('2027-01')
  await expect(total).toHaveText('$1,979.82')
  await ws.fill(page.getByLabel('Monthly budget (USD)'), '150')
  await expect(year.getByRole('status', { name: 'First month over budget' })).toHaveText('Jul 2027')
  await year.getByText('Data table: cost per month, next 12 months').click()
  await expect(year.getByRole('row', { name: /^Jun 2027/ })).toContainText('$149.11')
  await expect(year.getByRole('row', { name: /^Jul 2027/ })).toContainText('$164.02')
  // The bars: twelve months, six within the budget and six over it.
  await expect(year.locator('.recharts-bar-rectangle path')).toHaveCount(12)

  // The compare table carries the same total for the scenario.
  await ws.goTo('Compare')
  await expect.poll(() => new ComparePage(page).cells('12-month total')).toEqual(['$1,979.82'])

  await page.reload()
  await ws.goTo('Decision tools')
  await expect(year.getByLabel('Monthly growth')).toHaveValue('10')
  await expect(year.getByLabel('Starting month')).toHaveValue('2027-01')
  await expect(total).toHaveText('$1,979.82')
})
