import { expect, test } from '@playwright/test'
import { WorksheetPage } from './pages/worksheet'

test('a share link pasted into a tab that is already open opens its preview', async ({ page }) => {
  const ws = new WorksheetPage(page)
  await ws.open()
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await ws.fill(ws.field('Jobs per month'), '2000')
  // 2,000 jobs: 2 x $92.583 = $185.166
  await expect(ws.figure('Monthly cost')).toHaveText('$185.17')
  await page.getByRole('button', { name: 'Copy share link' }).click()
  // Copying compresses first: read the clipboard once the page says the link is there.
  await expect(page.getByText(/^Copied a link to /)).toBeVisible()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  const hash = new URL(copied).hash
  expect(hash).toMatch(/^#s=/)

  // Pasting the link into the address bar of this open tab changes only the fragment.
  await page.evaluate((h) => {
    location.hash = h
  }, hash)
  const dialog = page.getByRole('dialog', { name: 'Import preview: a share link' })
  await expect(dialog).toContainText('$185.17')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect.poll(() => new URL(page.url()).hash).toBe('')
})

test('the example reads $0.370 per delivered image: $92.58 over 250 finals', async ({ page }) => {
  const ws = new WorksheetPage(page)
  await ws.open()
  await expect(ws.figure('Monthly cost')).toHaveText('$92.58')
  await expect(ws.figure('Cost per delivered image')).toHaveText('$0.370')
  const final = ws.stage('Final').getByRole('checkbox', { name: 'Delivers final images' })
  await expect(final).toBeChecked()
  await expect(
    ws.stage('Draft').getByRole('checkbox', { name: 'Delivers final images' }),
  ).not.toBeChecked()
  // Drafts delivered too: 92.583 / 4,250 = 0.021784
  await ws.stage('Draft').getByRole('checkbox', { name: 'Delivers final images' }).check()
  await expect(ws.figure('Cost per delivered image')).toHaveText('$0.0218')
  // The choice is kept across a reload (storage version 2).
  await page.reload()
  await expect(ws.figure('Cost per delivered image')).toHaveText('$0.0218')
})
