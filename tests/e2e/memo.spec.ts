import { expect, test } from '@playwright/test'
import { WorksheetPage } from './pages/worksheet'

/** Pages in a PDF: its /Type /Page objects, not the /Pages tree node. */
function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length
}

test.beforeEach(async ({ page }) => {
  const worksheet = new WorksheetPage(page)
  await worksheet.open()
  await worksheet.goTo('Compare')
  await page.getByRole('button', { name: 'Compare all presets' }).click()
  await page.getByLabel('Prepared by').fill('Ana Núñez')
  // Charts are lazy and settle after typing stops: print once they are drawn.
  await expect(page.locator('.recharts-surface').first()).toBeVisible()
  await page.emulateMedia({ media: 'print' })
  // The three charts redraw at paper size (300 px wide) once the page hears it is printed; a
  // PDF taken before that held the taller screen charts and ran to a second page.
  await expect.poll(() => page.locator('#compare .recharts-surface[width="300"]').count()).toBe(3)
})

test('the memo has a title, the date, "Prepared by" and each scenario\'s headline figures', async ({
  page,
}) => {
  const memo = page.locator('.memo')
  await expect(memo.getByRole('heading', { name: 'Image generation budget memo' })).toBeVisible()
  await expect(memo).toContainText('Prepared by Ana Núñez')
  const headline = memo.getByRole('table')
  // The example ($92.583 a month, x12 = $1,110.996) and five presets.
  await expect(headline.getByRole('row')).toHaveCount(7)
  await expect(headline.getByRole('row', { name: /^Draft \+ final \(example\)/ })).toContainText(
    '$92.58$1,111.00',
  )
})

test('chart axis text prints at 9 pt or more: the charts are drawn for paper, not scaled down', async ({
  page,
}) => {
  const ticks = page.locator('.charts .recharts-cartesian-axis-tick-value')
  // Three charts, each with two axes of ticks.
  await expect.poll(() => ticks.count()).toBeGreaterThan(12)
  const sizes = await ticks.evaluateAll((els) =>
    els.map((el) => {
      // CSS px as they reach paper: the font size times every zoom above it.
      let zoom = 1
      for (let e: Element | null = el; e; e = e.parentElement) {
        zoom *= Number(getComputedStyle(e).zoom) || 1
      }
      return {
        px: parseFloat(getComputedStyle(el).fontSize) * zoom,
        height: el.getBoundingClientRect().height,
      }
    }),
  )
  // 9 pt is 12 CSS px (96 px to the inch, 72 pt).
  expect(Math.min(...sizes.map((s) => s.px))).toBeGreaterThanOrEqual(12)
  // And drawn that large: a 12 px line of text is at least 12 px tall.
  expect(Math.min(...sizes.map((s) => s.height))).toBeGreaterThanOrEqual(12)
})

test("the memo prints on one A4 landscape page under the page's own @page rule", async ({
  page,
}) => {
  const pdf = await page.pdf({ preferCSSPageSize: true, path: 'test-results/memo-a4.pdf' })
  expect(pageCount(pdf)).toBe(1)
})

test('the memo prints on one US Letter landscape page', async ({ page }) => {
  const pdf = await page.pdf({
    format: 'Letter',
    landscape: true,
    path: 'test-results/memo-letter.pdf',
  })
  expect(pageCount(pdf)).toBe(1)
})
