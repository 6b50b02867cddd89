import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { UsageLogPage } from './pages/usageLog'
import { WorksheetPage } from './pages/worksheet'

// The default scenario: Draft $38.88 + Final $53.703 = $92.583 a month (tests/components).
// gpt-image-2 per token: text in 5e-6, image in 8e-6, image out 3e-5.

test('the sample log through the file chooser: measured, reconciled, applied and undone', async ({
  page,
}) => {
  const ws = new WorksheetPage(page)
  await ws.open()
  await ws.goTo('Usage log')
  const log = new UsageLogPage(page)
  const chooser = page.waitForEvent('filechooser')
  await log.section().getByRole('button', { name: 'Choose a usage log…' }).click()
  await (await chooser).setFiles('public/sample-usage-log.csv')

  await expect(log.section().getByRole('status').first()).toHaveText(
    /^sample-usage-log\.csv: 331 rows read in \d+ (ms|s), 4 template stages\.$/,
  )
  // product-hero / final: 45 billed, 31 kept (45 / 31 = 1.4516).
  expect((await log.cells('product-hero / final')).slice(0, 3)).toEqual(['45', '31', '1.452'])

  const recon = log.panel('Estimate vs. actual')
  await recon.getByLabel('Log group').selectOption({ label: 'product-hero / final' })
  await expect(recon.getByLabel('Stage')).toHaveValue(/.+/)
  await expect(recon.getByLabel('Stage').locator('option:checked')).toHaveText('Final')
  await expect(recon.getByRole('table', { name: 'Changes to apply' })).toContainText(
    'Retry multiplier1.31.452',
  )

  await recon.getByRole('button', { name: 'Apply to “Final”' }).click()
  // Final: 250 jobs x 1.452 = 363 images x (148 x 5e-6 + 1024 x 8e-6 + 5488 x 3e-5 = 0.173572)
  // = $63.006636; with Draft's $38.88: $101.886636.
  await expect(ws.figure('Monthly cost')).toHaveText('$101.89')
  await expect(ws.stageField('Final', 'Retry multiplier')).toHaveValue('1.452')
  await expect(ws.stageField('Final', 'Prompt tokens')).toHaveValue('148')
  await expect(ws.stageField('Final', 'Reference images')).toHaveValue('1')

  await page.keyboard.press('Control+z')
  await expect(ws.figure('Monthly cost')).toHaveText('$92.58')
  await expect(ws.stageField('Final', 'Retry multiplier')).toHaveValue('1.3')
})

test('a template of the sample log becomes a scenario; the section has no axe violations', async ({
  page,
}) => {
  const ws = new WorksheetPage(page)
  await ws.open()
  await ws.goTo('Usage log')
  const log = new UsageLogPage(page)
  await log.section().getByRole('button', { name: 'Try the sample log' }).click()
  await expect(log.measured()).toBeVisible()

  const made = log.panel('New scenario from the log')
  await made.getByLabel('Template').selectOption('blog-header')
  await made.getByRole('button', { name: 'Create scenario “blog-header (from usage log)”' }).click()
  await expect(
    page.getByRole('navigation', { name: 'Scenarios' }).getByRole('listitem'),
  ).toHaveText(['Draft + final (example)', 'blog-header (from usage log)'])
  await expect(ws.field('Scenario name')).toHaveValue('blog-header (from usage log)')

  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 })
    const results = await new AxeBuilder({ page }).include('#usage').analyze()
    expect(
      results.violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      ),
    ).toEqual([])
  }
})
