import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'
import { ComparePage, WorksheetPage } from './pages/worksheet'

/** A name of 10,000 characters with no space to wrap at: the worst a file can hand us. */
const LONG_NAME = `Hero${'x'.repeat(9_996)}`

/** The example file with its first scenario renamed to LONG_NAME. */
function longNameCsv(): Buffer {
  const csv = readFileSync('public/example-scenarios.csv', 'utf8')
  return Buffer.from(csv.replaceAll('Blog illustrations: draft + final', LONG_NAME))
}

/** The page never scrolls sideways: nothing pushed it wider than the window. */
async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }))
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth)
}

/** `cell` is on screen horizontally, inside the window and inside `box` (a dialog or scroll box). */
async function expectInView(cell: Locator, box: Locator) {
  const [c, b] = await Promise.all([cell.boundingBox(), box.boundingBox()])
  const width = cell.page().viewportSize()?.width ?? 0
  if (c === null || b === null) throw new Error('not rendered')
  expect(c.x).toBeGreaterThanOrEqual(b.x - 1)
  expect(c.x + c.width).toBeLessThanOrEqual(Math.min(b.x + b.width, width) + 1)
}

for (const width of [1280, 390]) {
  test.describe(`at ${String(width)} px wide`, () => {
    test.use({ viewport: { width, height: 900 } })

    test('a 10,000-character name is shortened, its full text kept, and pushes no column off screen', async ({
      page,
    }) => {
      const ws = new WorksheetPage(page)
      await ws.open()
      await page.getByLabel('Import scenarios from a CSV file').setInputFiles({
        name: 'long-name.csv',
        mimeType: 'text/csv',
        buffer: longNameCsv(),
      })
      const dialog = page.getByRole('dialog', { name: 'Import preview: long-name.csv' })
      const table = dialog.getByRole('table', { name: 'Scenarios in the file' })
      const header = table.getByRole('columnheader', { name: 'Monthly cost' })
      await expect(header).toBeVisible()
      const row = table.getByRole('row').nth(1)
      const name = row.getByRole('rowheader')
      // Shortened on screen, whole in its title.
      await expect(name).toHaveText(/^Herox+…$/)
      expect((await name.textContent())?.length).toBeLessThan(200)
      await expect(name.locator('[title]')).toHaveAttribute('title', LONG_NAME)
      // The Monthly cost column stays in the dialog, its figure readable.
      await expectInView(header, dialog)
      await expect(row.getByRole('cell').last()).toHaveText('$92.58')
      await expectInView(row.getByRole('cell').last(), dialog)
      await expectNoSidewaysScroll(page)

      await dialog.getByRole('button', { name: 'Add 2 scenarios' }).click()
      await expectNoSidewaysScroll(page)

      await ws.goTo('Compare')
      const compare = new ComparePage(page)
      const longColumn = compare.table().getByRole('columnheader', { name: /^Herox+…/ })
      await expect(longColumn).toBeVisible()
      await expect(longColumn.locator('[title]')).toHaveAttribute('title', LONG_NAME)
      // Its column takes a share of the screen, not 10,000 characters of it: on a
      // wide screen the whole table fits without scrolling sideways.
      const box = await longColumn.boundingBox()
      expect(box?.width ?? Infinity).toBeLessThanOrEqual(width * 0.4)
      if (width >= 1280) {
        const region = page.getByRole('region', { name: /Scenarios side by side/ })
        const fits = await region.evaluate((el) => el.scrollWidth <= el.clientWidth)
        expect(fits).toBe(true)
      }
      await expect.poll(() => compare.cells('Monthly cost')).toContain('$92.58')
      await expectNoSidewaysScroll(page)
    })

    test('jobs per month of 1e-320 or 1e300 read compactly, never hundreds of digits', async ({
      page,
    }) => {
      const ws = new WorksheetPage(page)
      await ws.open()
      // The example costs $92.583 a month at 1,000 jobs: $0.092583 a job.
      await ws.fill(ws.field('Jobs per month'), '1e-300')
      await expect(ws.figure('Monthly cost')).toHaveText('$9.26E-302')
      await expect(ws.figure('Annual cost')).toHaveText('$1.11E-300')
      await expectNoSidewaysScroll(page)

      // 9.2583e-322 is subnormal: a double holds it only to about three digits
      // (steps of 4.9e-324), so the last digit depends on the order of the engine's sums.
      await ws.fill(ws.field('Jobs per month'), '1e-320')
      await expect(ws.figure('Monthly cost')).toHaveText(/^\$9\.[23]\d?E-322$/)
      await expectNoSidewaysScroll(page)

      // The largest volume allowed: $92.583 billion a month, its year past a trillion, in short form.
      await ws.fill(ws.field('Jobs per month'), '1e12')
      await expect(ws.figure('Monthly cost')).toHaveText('$92.6B')
      await expect(ws.figure('Annual cost')).toHaveText('$1.11T')
      await expectNoSidewaysScroll(page)

      await ws.goTo('Compare')
      const compare = new ComparePage(page)
      await expect.poll(() => compare.cells('Annual cost')).toContain('$1.11T')
      await expectNoSidewaysScroll(page)

      // Beyond it the field says so, and its message does not spell out 301 digits.
      await ws.fill(ws.field('Jobs per month'), '1e300')
      await expect(ws.field('Jobs per month')).toHaveAccessibleDescription(
        /Jobs per month must be at most 1,000,000,000,000; it is 1E300\./,
      )
      await expectNoSidewaysScroll(page)
    })
  })
}
