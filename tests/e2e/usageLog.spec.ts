import { writeFile } from 'node:fs/promises'
import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'
import { WorksheetPage } from './pages/worksheet'

// The default scenario: Draft $38.88 + Final $53.703 = $92.583 a month (tests/components).
// gpt-image-2 per token: text in 5e-6, image in 8e-6, image out 3e-5.

class UsageLogPage {
  constructor(readonly page: Page) {}

  section() {
    return this.page.getByRole('region', { name: 'Calibrate from a usage log' })
  }

  panel(name: string): Locator {
    return this.section().getByRole('region', { name, exact: true })
  }

  measured() {
    return this.section().getByRole('table', { name: 'Measured per template and stage' })
  }

  async cells(rowName: string) {
    return this.measured().getByRole('row', { name: rowName }).getByRole('cell').allTextContents()
  }
}

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

test('a 200,000-row log is read off the main thread, with a progress bar', async ({
  page,
}, testInfo) => {
  const ws = new WorksheetPage(page)
  await ws.open()
  await ws.goTo('Usage log')
  const log = new UsageLogPage(page)
  // A month of a busy product: one row per image, with the API's usage fields.
  const rows = [
    'timestamp,template,stage,model,quality,size,status,input_tokens,input_text_tokens,input_image_tokens,output_tokens',
  ]
  for (let i = 0; i < 200_000; i++) {
    const final = i % 2 === 1
    rows.push(
      [
        new Date(Date.UTC(2026, 4, 1) + i * 13_000).toISOString(),
        `template-${String(i % 5)}`,
        final ? 'final' : 'draft',
        'gpt-image-2',
        final ? 'high' : 'low',
        final ? '1536x1024' : '1024x1024',
        i % 3 === 0 ? 'accepted' : 'rejected',
        final ? 1104 : 50,
        final ? 80 : 50,
        final ? 1024 : 0,
        final ? 5488 : 196,
      ].join(','),
    )
  }
  // The page's own first renders (charts, decision tools) come first, so they are not counted.
  await page
    .getByRole('figure', { name: 'Draft vs final spend' })
    .locator('.recharts-bar-rectangle')
    .first()
    .waitFor()
  await page.getByRole('region', { name: 'Budget checks' }).waitFor()
  // Long tasks on the page's main thread while the log is read. Parsing 200,000 rows there
  // is one task nearly as long as the whole import; with the worker the page only draws.
  const workers: string[] = []
  page.on('worker', (w) => workers.push(w.url()))
  await page.evaluate(() => {
    const w = window as unknown as { longest: number; chosenAt: number }
    w.longest = 0
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration)
    }).observe({ type: 'longtask' })
    document.querySelector('input[aria-label="Usage log file"]')?.addEventListener(
      'change',
      () => {
        w.chosenAt = performance.now()
      },
      { capture: true, once: true },
    )
  })
  // A file on disk: a buffer would be decoded by script in the page, a long task of its own.
  const path = testInfo.outputPath('big.csv')
  await writeFile(path, rows.join('\n'))
  await page.getByLabel('Usage log file').setInputFiles(path)
  await expect(
    log.section().getByRole('progressbar', { name: 'Reading the usage log' }),
  ).toBeVisible()
  await expect(log.section().getByRole('status').first()).toHaveText(
    /^big\.csv: 200,000 rows read in .*, 10 template stages\.$/,
  )
  // Rows i with i % 3 == 0 are accepted: 66,667 of 200,000.
  const total = await log
    .measured()
    .getByRole('row', { name: /^All rows/ })
    .getByRole('cell')
    .allTextContents()
  expect(total.slice(0, 2)).toEqual(['200,000', '66,667'])
  const { longest, elapsed } = await page.evaluate(() => {
    const w = window as unknown as { longest: number; chosenAt: number }
    return { longest: w.longest, elapsed: performance.now() - w.chosenAt }
  })
  expect(workers.some((url) => url.includes('usageLogWorker'))).toBe(true)
  // Quiet machine: no long task at all with the worker; on the main thread one of ~400 ms
  // in an import of ~450 ms. A busy one stretches both, so compare shares, not times.
  expect(longest).toBeLessThan(elapsed / 2)
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
