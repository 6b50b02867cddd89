import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { WorksheetPage } from './pages/worksheet'

const STORAGE_KEY = 'gpt-image-budget'
const KEPT_ASIDE = `${STORAGE_KEY}:kept-aside:`

/**
 * Saved data this version cannot read, as a browser could hold it: cut short
 * mid-write, written by a later version, or hand-edited into the wrong shape.
 */
const UNREADABLE = [
  {
    what: 'corrupt JSON',
    raw: '{"state":{"scenarios":[{"id":"a","name":"Hero',
    reason: 'It is not readable JSON.',
  },
  {
    what: 'a newer version',
    raw: JSON.stringify({ state: { scenarios: [], futureField: true }, version: 99 }),
    reason: 'It was saved by a newer version of this worksheet',
  },
  {
    what: 'wrong types',
    raw: JSON.stringify({
      state: { scenarios: 'three', activeId: 7, staleAfterDays: '90' },
      version: 1,
    }),
    reason: 'It is damaged',
  },
]

/**
 * Puts `raw` under the storage key before the app's first script runs, on the
 * first load of this tab only (reloads keep what the app left), and records
 * the app's text at its first paint: the moment React first fills #root.
 */
async function seedOnce(page: Page, raw: string) {
  await page.addInitScript(
    ({ key, value }) => {
      if (sessionStorage.getItem('seeded') === null) {
        localStorage.setItem(key, value)
        sessionStorage.setItem('seeded', '1')
      }
      const w = window as unknown as { firstPaintText?: string }
      new MutationObserver((_, observer) => {
        const root = document.getElementById('root')
        if (root && root.childElementCount > 0) {
          w.firstPaintText = root.textContent
          observer.disconnect()
        }
      }).observe(document, { childList: true, subtree: true })
    },
    { key: STORAGE_KEY, value: raw },
  )
}

const keptAsideKeys = (page: Page) =>
  page.evaluate(
    (prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)),
    KEPT_ASIDE,
  )

const firstPaintText = (page: Page) =>
  page.evaluate(() => (window as unknown as { firstPaintText?: string }).firstPaintText ?? '')

for (const { what, raw, reason } of UNREADABLE) {
  test(`saved data with ${what} is kept aside once and the page says so from its first paint`, async ({
    page,
  }) => {
    await seedOnce(page, raw)
    const ws = new WorksheetPage(page)
    await ws.open()

    const notice = page.getByRole('alert').filter({ hasText: 'could not be opened' })
    await expect(notice).toContainText('Your saved worksheet could not be opened.')
    await expect(notice).toContainText(reason)
    expect(await firstPaintText(page)).toContain('Your saved worksheet could not be opened.')
    // The example worksheet stands in, so the page still works.
    await expect(ws.figure('Monthly cost')).toHaveText('$92.58')

    for (let i = 0; i < 2; i++) {
      await page.reload()
      await expect(notice).toContainText(reason)
      expect(await firstPaintText(page)).toContain('Your saved worksheet could not be opened.')
    }

    const keys = await keptAsideKeys(page)
    expect(keys).toHaveLength(1)
    const kept = keys[0] as string
    expect(await page.evaluate((k) => localStorage.getItem(k), kept)).toBe(raw)
    // The notice says where the copy is, by the key a person can look up.
    await expect(notice).toContainText(kept)
    // Nothing was written over the original until the person edits.
    expect(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY)).toBe(raw)
  })
}

test('3 MB of unreadable data with storage nearly full is never overwritten, and can be downloaded', async ({
  page,
}) => {
  // Filled before the app's first script: the unreadable value, then filler
  // until the browser refuses even 1 KB more, so the 3 MB copy aside cannot fit.
  await page.addInitScript((key) => {
    if (sessionStorage.getItem('seeded') !== null) return
    sessionStorage.setItem('seeded', '1')
    localStorage.setItem(key, '{"broken":' + 'x'.repeat(3 * 1024 * 1024))
    let i = 0
    for (let size = 256 * 1024; size >= 1024; size /= 2) {
      try {
        for (;;) localStorage.setItem(`filler:${String(i++)}`, 'f'.repeat(size))
      } catch {
        // Full at this size: try a smaller one.
      }
    }
  }, STORAGE_KEY)
  const ws = new WorksheetPage(page)
  await ws.open()
  const originalIsIntact = () =>
    page.evaluate(
      (key) => localStorage.getItem(key) === '{"broken":' + 'x'.repeat(3 * 1024 * 1024),
      STORAGE_KEY,
    )

  const notice = page.getByRole('alert').filter({ hasText: 'could not be opened' })
  await expect(notice).toContainText('This browser also refused to store a copy of it')
  await expect(notice).toContainText('Your edits are kept in memory only')
  expect(await keptAsideKeys(page)).toEqual([])

  // The worksheet works in memory, and no save lands on the unreadable data.
  await ws.fill(ws.field('Jobs per month'), '2000')
  await expect(ws.figure('Monthly cost')).not.toHaveText('$92.58')
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')))
  await page.waitForTimeout(800)
  expect(await originalIsIntact()).toBe(true)

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    notice.getByRole('button', { name: 'Download the unreadable data' }).click(),
  ])
  const { readFile } = await import('node:fs/promises')
  const text = await readFile(await download.path(), 'utf8')
  expect(text).toBe('{"broken":' + 'x'.repeat(3 * 1024 * 1024))

  // A reload still finds it, and still says so.
  await page.reload()
  await expect(notice).toContainText('This browser also refused to store a copy of it')
  expect(await originalIsIntact()).toBe(true)
})

test('a keystroke right before the tab closes is saved', async ({ context }) => {
  const page = await context.newPage()
  const ws = new WorksheetPage(page)
  await ws.open()
  await ws.fill(ws.field('Jobs per month'), '4321')
  // At once: no pause for the typing delay to pass.
  await page.close({ runBeforeUnload: true })

  const again = await context.newPage()
  const reopened = new WorksheetPage(again)
  await reopened.open()
  await expect(reopened.field('Jobs per month')).toHaveValue('4321')
})
