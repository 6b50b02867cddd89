import { cpSync, appendFileSync, mkdtempSync, readFileSync, existsSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import { expect, test } from '@playwright/test'
import { WorksheetPage } from './pages/worksheet'

const BASE_PORT = Number(process.env.E2E_UPDATE_PORT ?? 4213)
const BUILD = process.env.E2E_DIST ?? 'dist'
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
}

/** A static host whose files can be swapped for another build while pages are open. */
function serve(root: { dir: string }, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname))
    let file = join(root.dir, path)
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root.dir, 'index.html')
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    })
    res.end(readFileSync(file))
  })
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () => {
      resolve(server)
    }),
  )
}

test('a new version waits for Reload, and an open preview survives until then', async ({
  page,
}) => {
  // Build B: build A with a changed service worker, as any new release has.
  const a = BUILD
  const b = mkdtempSync(join(tmpdir(), 'build-b-'))
  cpSync(a, b, { recursive: true })
  appendFileSync(join(b, 'sw.js'), '\n// build B\n')
  const root = { dir: a }
  // One port per worker, so repeated runs of this test can overlap.
  const port = BASE_PORT + test.info().parallelIndex
  const server = await serve(root, port)
  try {
    const ws = new WorksheetPage(page)
    await page.goto(`http://127.0.0.1:${String(port)}/`)
    await expect(ws.figure('Monthly cost')).toHaveText('$92.58')
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready
    })
    await page.reload()
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated')

    // Work in progress: a marker on this very page, and an open import preview.
    await page.evaluate(() => {
      ;(window as unknown as { marker: string }).marker = 'this page'
    })
    await page
      .getByLabel('Import scenarios from a CSV file')
      .setInputFiles('tests/fixtures/csv/crlf.csv')
    const dialog = page.getByRole('dialog')
    await expect(dialog).toBeVisible()

    root.dir = b
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration()
      await registration?.update()
    })
    const prompt = page.getByRole('status').filter({ hasText: 'A new version is ready' })
    await expect(prompt).toBeVisible({ timeout: 20_000 })
    // A while later, still the same page with the preview open: nothing reloaded it.
    await page.waitForTimeout(1500)
    await expect(dialog).toBeVisible()
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe(
      'this page',
    )

    // The person decides: the preview closes, Reload loads the new version. Under load,
    // Chromium parked the new version's takeover in about one run in ten, and Reload did
    // nothing: this failed until Reload fell back to reloading the page.
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    // Wait for the reload's own load event: evaluating while it navigates would fail.
    await Promise.all([
      page.waitForEvent('load'),
      prompt.getByRole('button', { name: 'Reload' }).click(),
    ])
    expect(
      await page.evaluate(() => (window as unknown as { marker?: string }).marker),
    ).toBeUndefined()
    // Build B controls the page (it may still be finishing its activation), and no version
    // is left waiting.
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration()
          return [navigator.serviceWorker.controller?.state, registration?.waiting ?? null]
        }),
      )
      .toEqual(['activated', null])
    await expect(ws.figure('Monthly cost')).toHaveText('$92.58')
    await expect(prompt).toBeHidden()
  } finally {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})
