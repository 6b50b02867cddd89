import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { ComparePage, WorksheetPage } from './pages/worksheet'

// The Draft stage's cost row, not its assumption rows ("Draft: quality"…).
const DRAFT_COST = 'Draft (?!:)'
const checks = (page: Page) =>
  page.getByRole('group', { name: 'Scenarios in the comparison' }).getByRole('checkbox')

test.beforeEach(async ({ page }) => {
  const worksheet = new WorksheetPage(page)
  await worksheet.open()
  await worksheet.goTo('Compare')
})

test('"Compare all presets" ticks every preset in one click, and one Undo takes them away', async ({
  page,
}) => {
  await page.getByRole('button', { name: 'Compare all presets' }).click()
  for (const title of [
    'SaaS onboarding thumbnails',
    'Marketplace listing images',
    'Growth campaign creative',
    'Blog headers',
    'Paid social ads',
  ]) {
    await expect(page.getByRole('checkbox', { name: title, exact: true })).toBeChecked()
  }
  const compare = new ComparePage(page)
  // The example plus five presets.
  await expect(compare.table().getByRole('columnheader')).toHaveCount(7)
  await page.getByRole('button', { name: 'Undo', exact: true }).click()
  await expect(checks(page)).toHaveCount(1)
  await expect(compare.table().getByRole('columnheader')).toHaveCount(2)
})

test('the assumption rows show each input, "—" where a scenario lacks the stage', async ({
  page,
}) => {
  const compare = new ComparePage(page)
  await compare.addPreset('SaaS onboarding thumbnails')
  await expect.poll(() => compare.cells('Model')).toEqual(['gpt-image-2', 'gpt-image-2'])
  await expect.poll(() => compare.cells('Jobs per month')).toEqual(['1,000', '2,000'])
  await expect.poll(() => compare.cells('Batch API')).toEqual(['No', 'No'])
  await expect.poll(() => compare.cells('Draft: quality')).toEqual(['low', 'low'])
  await expect.poll(() => compare.cells('Final: quality')).toEqual(['high', '—'])
  await expect
    .poll(() => compare.cells('Upgrade visual: share of jobs reaching it'))
    .toEqual(['—', '15%'])
  await expect.poll(() => compare.cells('Upgrade visual: retry multiplier')).toEqual(['—', '×1.2'])
})

test('each "Show costs" choice, with hand-computed values', async ({ page }) => {
  const compare = new ComparePage(page)
  await compare.addPreset('SaaS onboarding thumbnails')
  const show = page.getByLabel('Show costs')
  // SaaS Draft stage: $15.912 a month over 2,000 jobs; the example runs 1,000.
  // The table follows edits once they settle: poll rather than read once.
  await expect.poll(async () => (await compare.cells(DRAFT_COST))[1]).toMatch(/^\$15\.91/)
  await show.selectOption({ label: 'Per job' })
  // $15.912 / 2,000 = $0.007956; the example's Draft $38.88 / 1,000 = $0.03888.
  await expect
    .poll(() => compare.cells(DRAFT_COST))
    .toEqual(['$0.0389', expect.stringMatching(/^\$0\.00796/) as unknown as string])
  await show.selectOption({ label: "At the baseline's jobs per month" })
  // SaaS at 1,000 jobs: $35.1468 x 1,000 / 2,000 = $17.5734.
  await expect
    .poll(async () => (await compare.cells("Monthly cost at the baseline's jobs per month"))[1])
    .toMatch(/^\$17\.57/)
  await show.selectOption({ label: 'Per delivered image' })
  // Example Draft $38.88 / 250 finals = $0.15552; SaaS Draft $15.912 / 300 upgrades = $0.05304.
  await expect
    .poll(() => compare.cells(DRAFT_COST))
    .toEqual([
      expect.stringMatching(/^\$0\.15[56]/) as unknown as string,
      expect.stringMatching(/^\$0\.053/) as unknown as string,
    ])
  // The choice is saved with the worksheet.
  await page.reload()
  await expect(page.getByLabel('Show costs')).toHaveValue('perDeliveredImage')
})

test('ticking a 13th scenario explains the limit at the checkbox', async ({ page }) => {
  const compare = new ComparePage(page)
  for (let i = 0; i < 12; i++) await compare.addPreset('Blog headers')
  const boxes = checks(page)
  await expect(boxes).toHaveCount(13)
  await expect(boxes.nth(12)).not.toBeChecked()
  await boxes.nth(12).click()
  await expect(page.getByRole('alert')).toContainText('12 scenarios are compared already')
  await expect(boxes.nth(12)).not.toBeChecked()
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } })

  test('twelve long-named scenarios and a dozen stage names: every legend stays clear of its plot', async ({
    page,
  }) => {
    // The example's Draft row, 12 scenarios of three stages each drawn from 12 stage names.
    const lines = readFileSync('public/example-scenarios.csv', 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split(/\r?\n/)
    const header = (lines[0] as string).split(',')
    const col = (name: string) => header.indexOf(name)
    const stageNames =
      'Sketch Thumbnail Draft Variant Review Upscale Hero Banner Social Print Final Archive'
    const names = stageNames.split(' ')
    const rows = [header.join(',')]
    for (let s = 0; s < 12; s++)
      for (let k = 0; k < 3; k++) {
        const cells = (lines[1] as string).split(',')
        cells[col('scenario')] = `Campaign ${String.fromCharCode(65 + s)} with a longer name`
        cells[col('stage')] = names[(s + k * 4) % 12] as string
        rows.push(cells.join(','))
      }
    await page.getByLabel('Import scenarios from a CSV file').setInputFiles({
      name: 'twelve.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${rows.join('\n')}\n`),
    })
    await page.getByRole('button', { name: 'Add 12 scenarios' }).click()
    // The example is ticked already: eleven more make the twelve the charts draw.
    const boxes = checks(page)
    await expect(boxes).toHaveCount(13)
    for (let i = 1; i < 12; i++) await boxes.nth(i).check()

    for (const title of [
      'Monthly cost per scenario',
      'Monthly cost as job volume grows',
      'Draft vs final spend',
    ]) {
      const chart = new ComparePage(page).chart(title)
      await expect(chart.locator('.recharts-legend-item')).toHaveCount(
        title === 'Draft vs final spend' ? 2 : 12,
      )
      const layout = await chart.evaluate((figure) => {
        const legend = figure.querySelector('.recharts-legend-wrapper') as HTMLElement
        const plotTop = Math.min(
          ...[...figure.querySelectorAll('.recharts-cartesian-grid, .recharts-yAxis text')].map(
            (e) => e.getBoundingClientRect().top,
          ),
        )
        return {
          legendBottom: legend.getBoundingClientRect().bottom,
          plotTop,
          hidden: legend.scrollHeight - legend.clientHeight,
        }
      })
      // Nothing of the legend scrolled out of sight, and nothing of it over the plot.
      expect(layout.hidden, title).toBeLessThanOrEqual(1)
      expect(layout.legendBottom, title).toBeLessThanOrEqual(layout.plotTop + 0.5)
    }
  })
})
