import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { addAcme } from './pages/models'
import { WorksheetPage } from './pages/worksheet'

// Acme v1 is priced per image: $0.01 low, $0.04 medium, $0.12 high, at any of its two sizes.
// On the example (Draft: 1,000 jobs x 4 images x 1.5 = 6,000 low 1024x1024 images; Final:
// 250 jobs x 1.3 = 325 high 1536x1024 images) it costs 6,000 x $0.01 + 325 x $0.12 = $99.00
// a month; prompts are not billed (no input price given).
// The cheapest model in the comparison is GPT Image 1 mini at $48.418 (its per-image
// table, tests/components/decisions.test.tsx): 99 / 48.418 = 2.045, so "2.04×".

async function importPreviewAdds(page: Page) {
  const preview = page.getByRole('dialog', { name: /^Import preview/ })
  await expect(preview).toContainText('$99.00')
  await preview.getByRole('button', { name: 'Add 1 scenario' }).click()
  await expect(preview).toBeHidden()
}

test('a custom model: priced in a scenario, compared, and back from a CSV file and a share link', async ({
  page,
  browser,
}) => {
  const ws = new WorksheetPage(page)
  await ws.open()
  await addAcme(page, ws)
  await ws.field('Model').selectOption({ label: 'Acme v1 (custom)' })
  await expect(ws.figure('Monthly cost')).toHaveText('$99.00')

  await ws.goTo('Decision tools')
  const table = page.getByRole('table', { name: /Monthly cost of this scenario under each model/ })
  const cells = (name: RegExp) => table.getByRole('row', { name }).getByRole('cell')
  await expect(table.getByRole('columnheader', { name: '× cheapest' })).toBeVisible()
  await expect(cells(/^Acme v1 \(custom\)/)).toHaveText([
    'available',
    '$99.00',
    '$0.396',
    'current',
    '2.04×',
    '',
  ])
  await expect(cells(/^GPT Image 1 mini/).nth(4)).toHaveText('1.00×')

  // Export, then import into a fresh browser that has never seen the model.
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export all (CSV)' }).click()
  const file = await (await download).path()
  const fresh = await browser.newContext()
  const other = await fresh.newPage()
  const ws2 = new WorksheetPage(other)
  await ws2.open()
  await other.getByLabel('Import scenarios from a CSV file').setInputFiles(file)
  await importPreviewAdds(other)
  await expect(ws2.figure('Monthly cost')).toHaveText('$99.00')
  await expect(ws2.field('Model')).toHaveValue('custom-acme-v1')
  await expect(ws2.field('Model').locator('option:checked')).toHaveText('Acme v1 (custom)')
  await expect(other.getByRole('list', { name: 'Custom models' })).toContainText('Acme v1')
  await fresh.close()

  // And by share link, into another fresh browser.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.getByRole('button', { name: 'Copy share link' }).click()
  await expect(page.getByText(/^Copied a link to /)).toBeVisible()
  const link = await page.evaluate(() => navigator.clipboard.readText())
  const third = await browser.newContext()
  const linked = await third.newPage()
  await linked.goto(new URL(link).pathname + new URL(link).hash)
  await importPreviewAdds(linked)
  const ws3 = new WorksheetPage(linked)
  await expect(ws3.figure('Monthly cost')).toHaveText('$99.00')
  await third.close()
})

test('removing a custom model leaves its scenario saying so at the Model field, and undo brings it back', async ({
  page,
}) => {
  const ws = new WorksheetPage(page)
  await ws.open()
  await addAcme(page, ws)
  await ws.field('Model').selectOption({ label: 'Acme v1 (custom)' })
  await expect(ws.figure('Monthly cost')).toHaveText('$99.00')
  await page.getByRole('button', { name: 'Remove Acme v1' }).click()
  await expect(ws.field('Model')).toHaveAccessibleDescription(
    'The custom model this scenario used (custom-acme-v1) was removed from the worksheet; choose another model, or add it again.',
  )
  await expect(ws.figure('Monthly cost')).not.toContainText('$')
  await expect(ws.figure('Monthly cost')).not.toContainText('NaN')
  // Saved with the worksheet: after undo, a reload still prices on the model.
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(ws.figure('Monthly cost')).toHaveText('$99.00')
  await page.reload()
  await expect(ws.figure('Monthly cost')).toHaveText('$99.00')
  await expect(ws.field('Model').locator('option:checked')).toHaveText('Acme v1 (custom)')
})

test('the model form has no axe violations, with its errors shown, on a wide screen and a phone', async ({
  page,
}) => {
  const ws = new WorksheetPage(page)
  await ws.open()
  await page.getByRole('button', { name: 'Add a model…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add a model' })
  await dialog.getByLabel('Priced by').selectOption({ label: 'Tokens' })
  await dialog.getByRole('radio', { name: 'From a table I fill in' }).check()
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog.getByRole('alert')).toBeVisible()
  const scan = async () => {
    const results = await new AxeBuilder({ page }).include('.model-dialog').analyze()
    expect(
      results.violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      ),
    ).toEqual([])
  }
  await scan()
  await page.setViewportSize({ width: 390, height: 844 })
  await scan()
  // The dialog fits the phone: nothing in it scrolls the page sideways.
  const box = await dialog.boundingBox()
  expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true)
})
