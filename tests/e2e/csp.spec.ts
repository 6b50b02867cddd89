import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { ComparePage, WorksheetPage } from './pages/worksheet'

/** Records every Content-Security-Policy refusal on the page, from before its first script. */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[] }
    w.violations = []
    document.addEventListener('securitypolicyviolation', (e) => {
      w.violations.push(`${e.effectiveDirective} ${e.blockedURI}`)
    })
  })
  const consoleErrors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text()))
      consoleErrors.push(m.text())
  })
  return {
    consoleErrors,
    violations: () =>
      page.evaluate(() => (window as unknown as { violations: string[] }).violations),
  }
}

test('the app works under its Content-Security-Policy, online and offline', async ({
  page,
  context,
}) => {
  const left: string[] = []
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url())
    if (url.hostname !== '127.0.0.1') left.push(url.href)
    return route.continue()
  })
  const csp = await recordViolations(page)
  const ws = new WorksheetPage(page)
  await ws.open()
  expect(
    await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'),
  ).toContain("default-src 'self'")

  // A walk-through: edit, import a CSV (in its worker), the usage-log sample, charts.
  await ws.fill(ws.field('Jobs per month'), '2000')
  await expect(ws.figure('Monthly cost')).toHaveText('$185.17')
  await page
    .getByLabel('Import scenarios from a CSV file')
    .setInputFiles('tests/fixtures/csv/crlf.csv')
  const dialog = page.getByRole('dialog')
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await page.locator('#usage').scrollIntoViewIfNeeded()
  await page.getByRole('button', { name: 'Try the sample log' }).click()
  await expect(page.locator('#usage').getByRole('table').first()).toBeVisible()
  await page.locator('#compare').scrollIntoViewIfNeeded()
  const chart = new ComparePage(page).chart('Monthly cost per scenario')
  await expect(chart.locator('.recharts-bar-rectangle path').first()).toBeVisible()

  // A fetch to another origin is refused by the policy before any request is made.
  const outcome = await page.evaluate(async () => {
    try {
      await fetch('https://example.com/')
      return 'fetched'
    } catch (e) {
      return String(e)
    }
  })
  expect(outcome).toContain('TypeError')
  expect(await csp.violations()).toEqual(['connect-src https://example.com/'])
  expect(left).toEqual([])

  // Offline, from the service worker's cache: still no refusal of the app's own files.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  await page.reload()
  await context.setOffline(true)
  await page.reload()
  await expect(ws.figure('Monthly cost')).toHaveText('$185.17')
  await page.locator('#compare').scrollIntoViewIfNeeded()
  await expect(chart.locator('.recharts-bar-rectangle path').first()).toBeVisible()
  expect(await csp.violations()).toEqual([])
  expect(csp.consoleErrors.filter((t) => !t.includes('example.com'))).toEqual([])
})
