import AxeBuilder from '@axe-core/playwright'
import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { ComparePage, WorksheetPage } from './pages/worksheet'

// The example costs $92.583 a month at 1,000 jobs, $1,110.996 over twelve flat months.
//   and $0.370332 per delivered image (92.583 / 250 finals)
//   EUR at 0.92: €85.17636 a month, €1,022.11632 over the year, €0.3407 per delivered image
//   JPY at 156.3: ¥14,470.7229 a month

const currency = (page: Page) => page.getByRole('region', { name: 'Currency' })

async function setCurrency(ws: WorksheetPage, code: string, rate: string, date?: string) {
  const card = currency(ws.page)
  await card.getByLabel('Currency', { exact: true }).selectOption(code)
  await ws.fill(card.getByLabel('Exchange rate (per USD)'), rate)
  if (date !== undefined) await card.getByLabel('Rate date').fill(date)
}

test('amounts read in EUR at the rate with its date, in yen without decimals, and the setting survives a reload', async ({
  page,
}) => {
  const ws = new WorksheetPage(page)
  await ws.open()
  await setCurrency(ws, 'EUR', '0.92', '2026-11-27')
  await expect(ws.figure('Monthly cost')).toHaveText('€85.18')
  await expect(ws.figure('Annual cost')).toHaveText('€1,022.12')
  const note = 'Amounts in EUR at 0.92 EUR per USD ($1 = €0.92), rate of 2026-11-27.'
  await expect(page.getByRole('region', { name: 'Monthly budget' }).getByText(note)).toBeVisible()

  // The projection and the compare table and charts below follow.
  await ws.goTo('Decision tools')
  const year = page.getByRole('region', { name: '12-month projection' })
  await expect(year.getByRole('status', { name: '12-month total' })).toHaveText('€1,022.12')
  await ws.goTo('Compare')
  await expect.poll(() => new ComparePage(page).cells('12-month total')).toEqual(['€1,022.12'])
  const chart = new ComparePage(page).chart('Monthly cost per scenario')
  await expect(chart.getByText('EUR per month', { exact: true })).toBeVisible()
  await expect(chart.locator('.recharts-cartesian-axis-tick-value').first()).toContainText('€')

  // The printed memo: the same figures and the rate beside them.
  await page.emulateMedia({ media: 'print' })
  const memo = page.locator('.memo')
  await expect(
    memo.getByRole('table').getByRole('row', { name: /^Draft \+ final \(example\)/ }),
  ).toContainText('€85.18€1,022.12€0.341')
  await expect(memo).toContainText(note)
  await page.emulateMedia({ media: 'screen' })

  await page.reload()
  await expect(currency(page).getByLabel('Currency', { exact: true })).toHaveValue('EUR')
  await expect(currency(page).getByLabel('Exchange rate (per USD)')).toHaveValue('0.92')
  await expect(currency(page).getByLabel('Rate date')).toHaveValue('2026-11-27')
  await expect(ws.figure('Monthly cost')).toHaveText('€85.18')

  await setCurrency(ws, 'JPY', '156.3')
  await expect(ws.figure('Monthly cost')).toHaveText('¥14,471')
  await expect(page.getByRole('region', { name: 'Monthly budget' })).toContainText(
    'Amounts in JPY at 156.3 JPY per USD ($1 = ¥156.3), rate of 2026-11-27.',
  )
})

test('a bad rate is explained at the field and amounts fall back to USD', async ({ page }) => {
  const ws = new WorksheetPage(page)
  await ws.open()
  await setCurrency(ws, 'EUR', '0,92')
  const rate = currency(page).getByLabel('Exchange rate (per USD)')
  await expect(rate).toHaveAttribute('aria-invalid', 'true')
  await expect(currency(page)).toContainText(
    'Exchange rate must be a number above 0: how many EUR one US dollar buys (for example 0.92 for EUR). "0,92" is not a number. Amounts are shown in USD until it is fixed.',
  )
  await expect(ws.figure('Monthly cost')).toHaveText('$92.58')
  await expect(page.getByRole('region', { name: 'Monthly budget' }).getByRole('note')).toHaveText(
    'Amounts are in USD: the exchange rate for EUR is not usable yet (see Currency).',
  )
  await ws.fill(rate, '0')
  await expect(currency(page)).toContainText('0 is not.')
  await expect(ws.figure('Monthly cost')).toHaveText('$92.58')
  await expect(page.locator('body')).not.toContainText('NaN')
})

test('CSV export stays in USD and says so', async ({ page }) => {
  const ws = new WorksheetPage(page)
  await ws.open()
  await setCurrency(ws, 'EUR', '0.92')
  await expect(ws.figure('Monthly cost')).toHaveText('€85.18')
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export all (CSV)' }).click()
  const csv = readFileSync(await (await download).path(), 'utf8')
  const [header, first] = csv.replace(/^\uFEFF/, '').split('\r\n')
  const cols = (header ?? '').split(',')
  const cell = (name: string) => (first ?? '').split(',')[cols.indexOf(name)]
  // The list prices and the monthly cost in US dollars, not converted.
  expect(cell('price_text_input')).toBe('5')
  expect(cell('price_image_output')).toBe('30')
  expect(Number(cell('scenario_monthly_cost_usd'))).toBeCloseTo(92.583, 9)
  await expect(page.getByRole('status').filter({ hasText: 'Exported' })).toHaveText(
    'Exported 1 scenario, in USD: CSV files keep prices in US dollars, whatever currency the worksheet shows (EUR here).',
  )
})

test('on a phone the currency card is reached by keyboard, and passes axe with a rate to fix', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 })
  const ws = new WorksheetPage(page)
  await ws.open()
  const card = currency(page)
  await card.getByLabel('Currency', { exact: true }).focus()
  await page.keyboard.press('ArrowDown')
  // USD to the next common currency, from the keyboard alone.
  await expect(card.getByLabel('Currency', { exact: true })).toHaveValue('EUR')
  await page.keyboard.press('Tab')
  await expect(card.getByLabel('Exchange rate (per USD)')).toBeFocused()
  await page.keyboard.type('-1')
  await page.keyboard.press('Tab')
  await expect(card.getByLabel('Rate date')).toBeFocused()
  await expect(card.getByLabel('Exchange rate (per USD)')).toHaveAttribute('aria-invalid', 'true')
  await expect(card).toBeInViewport()

  const results = await new AxeBuilder({ page })
    .include('section[aria-labelledby="currency-h"]')
    .analyze()
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([])
})
