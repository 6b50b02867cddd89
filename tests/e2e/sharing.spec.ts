import { readFileSync, writeFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
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

test('two same-named scenarios round-trip: names made unique, the same bytes and totals back', async ({
  page,
  browser,
}) => {
  const scenarioTabs = (p: Page) =>
    p.getByRole('navigation', { name: 'Scenarios' }).getByRole('listitem')
  const exportAll = async (p: Page): Promise<Buffer> => {
    const download = p.waitForEvent('download')
    await p.getByRole('button', { name: 'Export all (CSV)' }).click()
    return readFileSync(await (await download).path())
  }
  const example = 'Draft + final (example)'

  // The example, as built in one browser and exported, then added to a browser that
  // has built it too: the two colleagues. The second copy is numbered.
  const ws = new WorksheetPage(page)
  await ws.open()
  const one = await exportAll(page)
  const onePath = test.info().outputPath('example.csv')
  writeFileSync(onePath, one)
  await page.getByLabel('Import scenarios from a CSV file').setInputFiles(onePath)
  await page.getByRole('dialog').getByRole('button', { name: 'Add 1 scenario' }).click()
  await expect(scenarioTabs(page)).toHaveText([example, `${example} (2)`])

  const first = await exportAll(page)
  const text = first.toString('utf8')
  // A UTF-8 byte-order mark, then the header.
  expect([...first.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  expect(text.slice(1).startsWith('format_version,scenario,model,')).toBe(true)
  const rows = text.slice(1).trimEnd().split('\r\n')
  expect(rows).toHaveLength(5)
  // Every row carries gpt-image-2's prices (text, cached text, image, cached image,
  // output per 1M tokens) and its delivers_final, so any app computes $92.583 from it.
  for (const [i, row] of rows.slice(1).entries()) {
    const name = i < 2 ? example : `${example} (2)`
    expect(row).toContain(`3,${name},gpt-image-2,1000,false,5,1.25,8,2,30,`)
    expect(row).toContain(`,${i % 2 === 0 ? 'false' : 'true'},`)
    expect(row).toContain(',92.583,')
  }
  const firstPath = test.info().outputPath('first.csv')
  writeFileSync(firstPath, first)

  // A fresh profile: nothing saved, the example only.
  const context = await browser.newContext()
  const fresh = await context.newPage()
  const ws2 = new WorksheetPage(fresh)
  await ws2.open()
  await fresh.getByLabel('Import scenarios from a CSV file').setInputFiles(firstPath)
  const dialog = fresh.getByRole('dialog')
  // Two scenarios of $92.58 each, not one of $185.17.
  await expect(dialog.getByRole('row', { name: new RegExp(`^${escape(example)} 2`) })).toHaveText(
    /\$92\.58$/,
  )
  await expect(dialog.getByRole('row', { name: /\(2\)/ })).toHaveText(/\$92\.58$/)
  await expect(dialog.getByRole('table', { name: /^Problems/ })).toHaveCount(0)
  await dialog.getByRole('button', { name: /^Replace my scenarios/ }).click()
  await expect(scenarioTabs(fresh)).toHaveText([example, `${example} (2)`])
  for (const name of [example, `${example} (2)`]) {
    await fresh.getByRole('button', { name, exact: true }).click()
    await expect(ws2.figure('Monthly cost')).toHaveText('$92.58')
    await expect(ws2.figure('Cost per delivered image')).toHaveText('$0.370')
  }
  const second = await exportAll(fresh)
  expect(second.equals(first)).toBe(true)

  // "Add" into that profile keeps all four apart, the new ones numbered on.
  await fresh.getByLabel('Import scenarios from a CSV file').setInputFiles(firstPath)
  await fresh.getByRole('dialog').getByRole('button', { name: 'Add 2 scenarios' }).click()
  await expect(scenarioTabs(fresh)).toHaveText([
    example,
    `${example} (2)`,
    `${example} (3)`,
    `${example} (4)`,
  ])
  await context.close()
})

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
