import { expect, test } from '@playwright/test'
import type { BrowserContext, Page } from '@playwright/test'
import { ComparePage, WorksheetPage } from './pages/worksheet'

/** Waits until the service worker has precached the app and controls this page. */
async function installServiceWorker(page: Page) {
  // ready resolves once the worker is active, which happens only after every
  // precached file is stored; the reload makes this page one it controls.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  await page.reload()
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated')
}

/**
 * Offline for real: the browser's network is off, and any request that still
 * tried to leave (from the page or from the service worker) is recorded and
 * failed, so the test sees it.
 */
async function goOffline(context: BrowserContext): Promise<string[]> {
  const attempts: string[] = []
  await context.route('**/*', (route) => {
    attempts.push(route.request().url())
    return route.abort('internetdisconnected')
  })
  await context.setOffline(true)
  return attempts
}

test('after one visit, the worksheet and its lazy charts work with no network', async ({
  page,
  context,
}) => {
  const ws = new WorksheetPage(page)
  await ws.open()
  await installServiceWorker(page)

  const attempts = await goOffline(context)
  const notFromCache: string[] = []
  page.on('response', (response) => {
    if (!response.fromServiceWorker()) notFromCache.push(response.url())
  })
  const failed: string[] = []
  page.on('requestfailed', (request) => {
    // A navigation cancels the page's own requests still in flight (the idle
    // prefetch of lazy sections, for one): that is ERR_ABORTED, not the network.
    // Offline failures read ERR_INTERNET_DISCONNECTED or ERR_FAILED, and stay counted.
    const reason = request.failure()?.errorText ?? ''
    if (reason !== 'net::ERR_ABORTED') failed.push(`${request.url()} ${reason}`)
  })

  await page.reload()
  await expect(ws.figure('Monthly cost')).toHaveText('$92.58')
  // Still a live worksheet, not a picture of one.
  await ws.fill(ws.field('Jobs per month'), '2000')
  await expect(ws.figure('Monthly cost')).toHaveText('$185.17')

  // The charts are a separate chunk loaded after first paint: it must come from the cache too.
  // The section mounts on approach: go there as a person does, by its header link.
  await ws.goTo('Compare')
  const chart = new ComparePage(page).chart('Monthly cost per scenario')
  await expect(chart).toBeVisible()
  await expect(chart.locator('.recharts-bar-rectangle path')).toHaveCount(2)

  // Any address in the app opens the app (navigateFallback), offline too.
  await page.goto('/?from=bookmark')
  await expect(ws.figure('Monthly cost')).not.toBeEmpty()

  expect(attempts).toEqual([])
  expect(failed).toEqual([])
  expect(notFromCache).toEqual([])
})

test('the app requests nothing from any other origin', async ({ page, context }) => {
  const requests: string[] = []
  // The context sees the service worker's own fetches (precaching) as well as the page's.
  context.on('request', (request) => requests.push(request.url()))

  const ws = new WorksheetPage(page)
  await ws.open()
  const origin = new URL(page.url()).origin
  await installServiceWorker(page)

  await ws.fill(ws.field('Jobs per month'), '2500')
  const compare = new ComparePage(page)
  await compare.addPreset('Marketplace listing images')
  // The section mounts on approach: go there as a person does, by its header link.
  await ws.goTo('Compare')
  const chart = compare.chart('Monthly cost per scenario')
  await chart.getByRole('radio', { name: 'By meter' }).check()
  await expect(chart.locator('.recharts-bar-rectangle path')).not.toHaveCount(0)
  await page.getByRole('button', { name: 'Draft + final (example)', exact: true }).click()
  await expect(ws.field('Scenario name')).toHaveValue('Draft + final (example)')

  // Enough traffic to mean something: the page, the worker, the lazy chart chunk.
  expect(requests).toContain(`${origin}/sw.js`)
  expect(requests.some((url) => /\/assets\/Charts-[\w-]+\.js$/.test(url))).toBe(true)
  expect(requests.filter((url) => !url.startsWith(`${origin}/`))).toEqual([])
})

test('the web app manifest makes the app installable', async ({ page, request }) => {
  await page.goto('/')
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute(
    'href',
    '/manifest.webmanifest',
  )

  const response = await request.get('/manifest.webmanifest')
  expect(response.ok()).toBe(true)
  const manifest = (await response.json()) as {
    name: string
    short_name: string
    start_url: string
    display: string
    theme_color: string
    background_color: string
    icons: { src: string; sizes: string; type: string; purpose?: string }[]
  }
  expect(manifest).toMatchObject({
    name: 'GPT Image 2 budget worksheet',
    short_name: 'Image budget',
    start_url: '/',
    display: 'standalone',
    theme_color: '#1f3a5f',
    background_color: '#f4f6f9',
  })
  expect(manifest.icons.map(({ src, sizes, type }) => ({ src, sizes, type }))).toEqual([
    { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
    { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
    { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
  ])

  // Each icon is served, and each PNG is the size it claims (width and height in its IHDR).
  for (const icon of manifest.icons) {
    const file = await request.get(icon.src)
    expect(file.ok(), icon.src).toBe(true)
    if (icon.type !== 'image/png') continue
    const png = await file.body()
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    expect(`${String(png.readUInt32BE(16))}x${String(png.readUInt32BE(20))}`).toBe(icon.sizes)
  }
})
