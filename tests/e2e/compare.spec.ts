import { expect, test } from '@playwright/test'
import { ComparePage, WorksheetPage } from './pages/worksheet'

// Hand computations of the seed presets are in tests/components/compare.test.tsx:
// SaaS $35.1468, Marketplace $1,206.504, Growth $44.9793.
test.beforeEach(async ({ page }) => {
  const ws = new WorksheetPage(page)
  await ws.open()
  await ws.goTo('Compare')
  const compare = new ComparePage(page)
  for (const title of [
    'SaaS onboarding thumbnails',
    'Marketplace listing images',
    'Growth campaign creative',
  ]) {
    await compare.addPreset(title)
  }
  await page.getByRole('checkbox', { name: 'Draft + final (example)' }).uncheck()
})

test('the three seed presets side by side, with charts that draw one mark per data point', async ({
  page,
}) => {
  const compare = new ComparePage(page)
  expect(await compare.cells('Monthly cost')).toEqual([
    '$35.15',
    '$1,206.50+$1,171.36 (+3,332.76%)',
    '$44.98+$9.83 (+27.98%)',
  ])

  // Stacked by stage: SaaS 2 stages + Marketplace 1 + Growth 4 = 7 bar segments.
  const stacked = compare.chart('Monthly cost per scenario')
  await expect(stacked.locator('.recharts-bar-rectangle path')).toHaveCount(7)
  // By meter: only meters someone spends on are drawn: SaaS text + output, Marketplace
  // text + image input + output, Growth text + output = 7 segments.
  await stacked.getByRole('radio', { name: 'By meter' }).check()
  await expect(stacked.locator('.recharts-bar-rectangle path')).toHaveCount(7)

  // Cost vs volume: the largest volume is 5,000 listings, so the axis runs 0 to 10,000 in
  // steps of 1,000: 11 points, one dot each per scenario.
  const volume = compare.chart('Monthly cost as job volume grows')
  await volume.getByText('Data table: Monthly cost as job volume grows').click()
  await expect(
    volume
      .getByRole('table', { name: 'Monthly cost in USD at each job volume' })
      .locator('tbody tr'),
  ).toHaveCount(11)
  await expect(volume.locator('.recharts-line-dots circle')).toHaveCount(33)

  // Draft vs final: SaaS and Growth have stages to split (Marketplace has one stage): 2 x 2 bars.
  const draftFinal = compare.chart('Draft vs final spend')
  await expect(draftFinal.locator('.recharts-bar-rectangle path')).toHaveCount(4)
  await expect(draftFinal).toContainText('Not drawn: Marketplace listing images')

  // The accessible table beside the chart carries the engine's numbers.
  await draftFinal.getByText('Data table: Draft vs final spend').click()
  const rows = draftFinal.getByRole('table', { name: 'Draft and final spend in USD per month' })
  // SaaS: Draft $15.912, Upgrade visual $19.2348; Growth: concepts $2.5668, finals $42.4125
  await expect(rows.getByRole('row', { name: /^SaaS/ })).toHaveText(/\$15\.91\s*\$19\.23/)
  await expect(rows.getByRole('row', { name: /^Growth/ })).toHaveText(/\$2\.57\s*\$42\.41/)
})

test('duplicate a preset, change its quality per stage and read the difference', async ({
  page,
}) => {
  const compare = new ComparePage(page)
  const ws = new WorksheetPage(page)
  await page.getByRole('button', { name: 'Growth campaign creative', exact: true }).click()
  await page.getByRole('button', { name: 'Duplicate' }).click()
  await expect(ws.field('Scenario name')).toHaveValue('Growth campaign creative (2)')
  await ws.stageField('Concept drafts', 'Quality').selectOption('medium')
  await page.getByRole('combobox', { name: 'Baseline' }).selectOption('Growth campaign creative')
  // Concepts at medium: 360 x 1,756 x $30/M = $18.9648 instead of $2.1168: +$16.848 (+37.46%)
  const cells = await compare.cells('Monthly cost')
  expect(cells[3]).toBe('$61.83+$16.85 (+37.46%)')
})

test('on a phone the side-by-side table scrolls by keyboard and its caption stays on screen', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 })
  const caption = page.getByText('Scenarios side by side; differences are against the baseline')
  const region = page.getByRole('region', { name: /^Scenarios side by side/ })
  const width = await region.evaluate((el) => ({ client: el.clientWidth, scroll: el.scrollWidth }))
  expect(width.scroll).toBeGreaterThan(width.client)
  const box = (await caption.boundingBox())!
  expect(box.x + box.width).toBeLessThanOrEqual(390)

  await region.focus()
  await page.keyboard.press('ArrowRight')
  await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0)
})
