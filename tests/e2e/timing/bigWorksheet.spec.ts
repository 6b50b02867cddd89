import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { WorksheetPage } from '../pages/worksheet'

// Issue 13 point 5: a worksheet of 3,000 scenarios froze the page for 23 s after Add and on
// every reload, and cost seconds per keystroke. The goal is that no main-thread task in any
// phase runs over 200 ms. That bar is a timing, so the bench measures it (npm run bench,
// BENCH_ONLY=big; idle here every phase stays under 80 ms). This test fails a freeze: before
// the fix every phase took 590 ms to seconds, while a busy machine stays under FREEZE_MS.
const SCENARIOS = 3_000
const GOAL_MS = 200
const FREEZE_MS = 500

interface Example {
  csv: string
  /** The scenario's monthly cost and jobs per month, as the example file states them. */
  monthlyUsd: number
  jobs: number
}

/**
 * The example file's first scenario, numbered 3,000 times (consecutive rows of one name
 * are one scenario), as a person would build a big worksheet in a spreadsheet.
 */
function bigCsv(): Example {
  const lines = readFileSync('public/example-scenarios.csv', 'utf8').trimEnd().split(/\r?\n/)
  const header = (lines[0] as string).split(',')
  const col = (name: string) => header.indexOf(name)
  // The example holds no quoted cells, so splitting on commas reads it.
  const rows = lines.slice(1).map((l) => l.split(','))
  const first = (rows[0] as string[])[col('scenario')]
  const own = rows.filter((r) => r[col('scenario')] === first)
  const out = [header.join(',')]
  for (let i = 1; i <= SCENARIOS; i++) {
    for (const row of own) {
      const copy = [...row]
      copy[col('scenario')] = `Blog ${String(i)}`
      out.push(copy.join(','))
    }
  }
  const top = own[0] as string[]
  return {
    csv: `${out.join('\n')}\n`,
    monthlyUsd: Number(top[col('scenario_monthly_cost_usd')]),
    jobs: Number(top[col('jobs_per_month')]),
  }
}

/**
 * Runs before the app's scripts: keeps every long task (over 50 ms) the page has, and
 * every value the import's progress bar shows (a bar lives too briefly to poll for it).
 */
function recordLongTasks() {
  const tasks: { start: number; duration: number }[] = []
  Object.defineProperty(window, '__longTasks', { value: tasks })
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration })
  }).observe({ type: 'longtask', buffered: true })
  const progress: number[] = []
  Object.defineProperty(window, '__importProgress', { value: progress })
  const note = () => {
    const bar = document.querySelector(
      '[role="progressbar"][aria-label="Import progress"], progress[aria-label="Import progress"]',
    )
    if (bar instanceof HTMLProgressElement && bar.hasAttribute('value')) progress.push(bar.value)
  }
  document.addEventListener('DOMContentLoaded', () => {
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['value'],
    })
  })
}

const now = (page: Page) => page.evaluate(() => performance.now())

/** Waits until the page has been free of long tasks for `quietMs`, with saves and charts settled. */
async function settle(page: Page, quietMs = 1_000) {
  await page.evaluate(
    (quiet) =>
      new Promise<void>((resolve) => {
        const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] })
          .__longTasks
        const check = () => {
          const last = tasks.at(-1)
          const end = last ? last.start + last.duration : 0
          if (performance.now() - end >= quiet) resolve()
          else setTimeout(check, 100)
        }
        setTimeout(check, quiet)
      }),
    quietMs,
  )
}

/** The longest task that started at or after `since`, in ms; 0 when none went over 50 ms. */
async function longestSince(page: Page, since: number): Promise<number> {
  return page.evaluate(
    (from) =>
      Math.max(
        0,
        ...(window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks
          .filter((t) => t.start >= from)
          .map((t) => t.duration),
      ),
    since,
  )
}

test('3,000 scenarios: adding, reloading, switching and typing never freeze the page', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000)
  const example = bigCsv()
  const file = {
    name: 'three-thousand.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(example.csv),
  }
  await page.addInitScript(recordLongTasks)
  const ws = new WorksheetPage(page)
  const longest: Record<string, number> = {}
  // Mounting the sections below the worksheet is the same work with 12 scenarios compared
  // as with 3,000 in the worksheet: it is measured apart, reported, and kept out of the phases.
  const mounted: Record<string, number> = {}
  const mountSections = async (when: string) => {
    const since = await now(page)
    for (const link of ['Decision tools', 'Compare', 'Usage log'] as const) await ws.goTo(link)
    await expect(page.getByRole('table', { name: /Scenarios side by side/ })).toBeAttached({
      timeout: 60_000,
    })
    await expect(page.getByRole('heading', { name: 'Budget checks' })).toBeAttached()
    await settle(page)
    mounted[when] = await longestSince(page, since)
  }
  await ws.open()
  await mountSections('first visit')

  await page.getByLabel('Import scenarios from a CSV file').setInputFiles(file)
  // From here: Playwright builds the 1.4 MB file in the page itself, a task of its own.
  let since = await now(page)
  const dialog = page.getByRole('dialog', { name: 'Import preview: three-thousand.csv' })
  await expect(dialog).toBeVisible({ timeout: 30_000 })
  await settle(page)
  longest.preview = await longestSince(page, since)
  // What the bar showed while the worker checked the rows. Reported, not asserted: on a quick
  // machine the check can end before the page draws a report (tests/unit/csv/importProgress).
  const shown = await page.evaluate(
    () => (window as unknown as { __importProgress: number[] }).__importProgress,
  )
  expect(shown.every((v) => v >= 0 && v <= 100)).toBe(true)

  since = await now(page)
  await dialog.getByRole('button', { name: 'Add 3,000 scenarios' }).click()
  await expect(page.getByText('Added 3,000 scenarios from three-thousand.csv')).toBeVisible({
    timeout: 60_000,
  })
  await settle(page)
  longest.add = await longestSince(page, since)

  // Reloaded at the top of the page: an address ending in a section's #id mounts it at once.
  await page.goto('/')
  await expect(ws.figure('Monthly cost')).not.toBeEmpty({ timeout: 60_000 })
  await expect(page.getByRole('navigation', { name: 'Scenarios' })).toContainText('of 3,001')
  await settle(page)
  // The whole load, from navigation on: the init script observes with `buffered`.
  longest.reload = await longestSince(page, 0)
  await mountSections('after reload')

  since = await now(page)
  const scenarios = page.getByRole('navigation', { name: 'Scenarios' })
  await scenarios.getByLabel('Find a scenario').fill('Blog 2718')
  await scenarios.getByRole('button', { name: 'Blog 2718', exact: true }).click()
  await expect(ws.field('Scenario name')).toHaveValue('Blog 2718')
  await settle(page)
  longest.switch = await longestSince(page, since)

  since = await now(page)
  await ws.fill(ws.field('Jobs per month'), String(example.jobs * 2.5))
  // Cost is linear in jobs: 1,000 jobs cost $92.583 in the example file, 2,500 cost $231.46.
  await expect(ws.figure('Monthly cost')).toHaveText(`$${(example.monthlyUsd * 2.5).toFixed(2)}`)
  await settle(page)
  longest.typing = await longestSince(page, since)

  const list = (times: Record<string, number>) =>
    Object.entries(times)
      .map(([phase, ms]) => `${phase} ${ms.toFixed(0)} ms`)
      .join(', ')
  const report = `${list(longest)}; mounting the sections below (not a goal here): ${list(mounted)}; import progress shown: ${shown.join(', ') || 'none'}%`
  testInfo.annotations.push({ type: 'longest main-thread task', description: report })
  console.log(`Longest main-thread task per phase (goal ${String(GOAL_MS)} ms): ${report}`)
  for (const [phase, ms] of Object.entries(longest))
    expect(ms, `longest task while ${phase}`).toBeLessThan(FREEZE_MS)
})

test('a scenario named with 10 MB of text is added without freezing the page, shortened on screen and kept whole', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const example = bigCsv()
  const lines = example.csv.split('\n')
  const header = (lines[0] as string).split(',')
  const name = `${'Long '.repeat(2_000_000)}end`
  // One scenario of the example's rows, renamed: each row repeats the name.
  const rows = lines
    .slice(1)
    .filter((l) => l.split(',')[header.indexOf('scenario')] === 'Blog 1')
    .map((l) => l.replace(',Blog 1,', `,${name},`))
  const file = {
    name: 'long-name.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${[header.join(','), ...rows].join('\n')}\n`),
  }
  await page.addInitScript(recordLongTasks)
  const ws = new WorksheetPage(page)
  await ws.open()
  // The sections below mount first, as in the test above, so they are not counted here.
  for (const link of ['Decision tools', 'Compare', 'Usage log'] as const) await ws.goTo(link)
  await expect(page.getByRole('table', { name: /Scenarios side by side/ })).toBeAttached()
  await page.getByLabel('Import scenarios from a CSV file').setInputFiles(file)
  const dialog = page.getByRole('dialog', { name: 'Import preview: long-name.csv' })
  await expect(dialog).toBeVisible({ timeout: 60_000 })
  await settle(page)
  const since = await now(page)
  await dialog.getByRole('button', { name: 'Add 1 scenario' }).click()
  await expect(page.getByText('Added 1 scenario from long-name.csv')).toBeVisible()
  await settle(page)
  const longest = await longestSince(page, since)
  console.log(`Longest main-thread task after adding a 10 MB name: ${longest.toFixed(0)} ms`)
  const tab = page
    .getByRole('navigation', { name: 'Scenarios' })
    .getByRole('button', { name: /^Long Long/ })
  // NAME_SHOWN_MAX (src/components/ui/names.ts): 80 characters, the last an ellipsis.
  await expect(tab).toHaveText(`${name.slice(0, 79)}…`)
  await expect(tab).toHaveAttribute('aria-current', 'true')
  // The field holds the name's first 10,000 characters and says how long the whole one is.
  expect(
    await ws.field('Scenario name').evaluate((el) => (el as HTMLInputElement).value.length),
  ).toBe(10_000)
  await expect(page.getByText(/^This name is 10,000,003 characters long/)).toBeVisible()
  // It froze the page for about 10 s. What is left is one task that cannot be split: saving
  // the worksheet, 10 MB of JSON that the browser's storage then refuses (the page says so).
  // 156 to 369 ms here at a load average of 15 on 2 cores: held to "never for seconds".
  expect(longest).toBeLessThan(1_000)
})
