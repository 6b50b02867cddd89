import { expect, test } from '@playwright/test'
import { ComparePage, WorksheetPage } from './pages/worksheet'

test('a copied share link reopens the same numbers in a fresh browser profile', async ({
  browser,
  baseURL,
}) => {
  const sender = await browser.newContext()
  await sender.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL ?? '' })
  const page = await sender.newPage()
  const ws = new WorksheetPage(page)
  await ws.open()
  await new ComparePage(page).addPreset('Growth campaign creative')
  await ws.fill(ws.field('Jobs per month'), '35')
  // Growth at 35 campaigns: 35/20 x $44.9793 = $78.713775
  await expect(ws.figure('Monthly cost')).toHaveText('$78.71')
  await page.getByRole('button', { name: 'Copy share link' }).click()
  await expect(page.getByText(/^Copied a link to 2 scenarios/)).toBeVisible()
  const link = await page.evaluate(() => navigator.clipboard.readText())
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#s=[A-Za-z0-9_-]+$/)
  await sender.close()

  const receiver = await browser.newContext()
  const fresh = await receiver.newPage()
  await fresh.goto(link)
  const dialog = fresh.getByRole('dialog', { name: 'Import preview: a share link' })
  await expect(dialog.getByRole('row', { name: /^Growth campaign creative/ })).toContainText(
    '$78.71',
  )
  await dialog.getByRole('button', { name: 'Replace my scenarios with 2 scenarios' }).click()
  const ws2 = new WorksheetPage(fresh)
  await expect(ws2.figure('Monthly cost')).toHaveText('$92.58')
  await fresh.getByRole('button', { name: 'Growth campaign creative', exact: true }).click()
  await expect(ws2.figure('Monthly cost')).toHaveText('$78.71')
  // The link is read once, then cleared from the address bar.
  expect(new URL(fresh.url()).hash).toBe('')
  await receiver.close()
})

test('a tampered link is explained and changes nothing', async ({ page }) => {
  await page.goto('/#s=not-a-real-payload')
  const dialog = page.getByRole('dialog', { name: 'Import preview: a share link' })
  await expect(dialog).toContainText('Nothing was changed.')
  await expect(dialog.getByRole('button', { name: /^Add/ })).toHaveCount(0)
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('status', { name: 'Monthly cost' })).toHaveText('$92.58')
})
