import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { WorksheetPage } from './pages/worksheet'

const EXAMPLE = readFileSync('public/example-scenarios.csv', 'utf8').trimEnd().split(/\r?\n/)
const [HEADER = '', DRAFT = '', FINAL = ''] = EXAMPLE
const NAME = 'Blog illustrations: draft + final'

/** 3,000 two-stage scenarios (6,000 rows): seconds to check on this machine. */
function bigCsv(): Buffer {
  const rows = [HEADER]
  for (let i = 1; i <= 3000; i++) {
    rows.push(
      DRAFT.replaceAll(NAME, `Big ${String(i)}`),
      FINAL.replaceAll(NAME, `Big ${String(i)}`),
    )
  }
  return Buffer.from(rows.join('\r\n'))
}

/** One scenario, quick to check. */
const smallCsv = () =>
  Buffer.from([HEADER, DRAFT, FINAL].map((l) => l.replaceAll(NAME, 'Small one')).join('\r\n'))

const choose = (page: Page, name: string, buffer: Buffer) =>
  page
    .getByLabel('Import scenarios from a CSV file')
    .setInputFiles({ name, mimeType: 'text/csv', buffer })

test('the latest file chosen wins: the earlier, slower one never opens its preview', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const ws = new WorksheetPage(page)
  await ws.open()
  const big = bigCsv()
  const previews = page.getByRole('dialog')

  // How long the big file takes alone, to know how long to watch for it later.
  const started = Date.now()
  await choose(page, 'big.csv', big)
  const bigPreview = page.getByRole('dialog', { name: 'Import preview: big.csv' })
  await expect(bigPreview).toBeVisible({ timeout: 60_000 })
  const bigMs = Date.now() - started
  await bigPreview.getByRole('button', { name: 'Cancel' }).click()
  await expect(previews).toHaveCount(0)

  // Now the big file, and while it is still being checked, the small one.
  await choose(page, 'big.csv', big)
  await expect(
    page.getByRole('status').filter({ hasText: /Reading the file…|Checking every row…/ }),
  ).toBeVisible()
  await choose(page, 'small.csv', smallCsv())
  const smallPreview = page.getByRole('dialog', { name: 'Import preview: small.csv' })
  await expect(smallPreview).toBeVisible()
  await expect(smallPreview).toContainText('Found 1 scenario.')
  await expect(
    smallPreview
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Small one' }) }),
  ).toContainText('$92.58')

  // Twice as long as the big file took alone: its preview never comes, and the
  // small one's stays, still naming its file.
  await page.waitForTimeout(2 * bigMs)
  await expect(bigPreview).toHaveCount(0)
  await expect(previews).toHaveCount(1)
  await expect(smallPreview).toBeVisible()
  await expect(page.getByText('Checking every row…')).toHaveCount(0)

  await smallPreview.getByRole('button', { name: 'Add 1 scenario' }).click()
  await expect(
    page
      .getByRole('navigation', { name: 'Scenarios' })
      .getByRole('button', { name: 'Small one', exact: true }),
  ).toBeVisible()
  await expect(
    page
      .getByRole('navigation', { name: 'Scenarios' })
      .getByRole('button', { name: 'Big 1', exact: true }),
  ).toHaveCount(0)
})
