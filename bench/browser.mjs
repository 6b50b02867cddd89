// Browser benchmarks on the production build in the system Chromium.
// Not a test: it prints numbers against the goals in the issues and never fails on them.
import { spawn } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from '@playwright/test'
import { startStaticServer } from './static-server.mjs'

// BENCH_PORT lets two checkouts bench side by side.
const PORT = Number(process.env.BENCH_PORT ?? 4191)
const ORIGIN = `http://127.0.0.1:${PORT}`
const DIST = new URL('../dist/', import.meta.url).pathname
// Pages of the bench's own, served by the same server beside the app.
const FLOOR_PAGE = new URL('./floor-page/', import.meta.url).pathname
// Build output and reports of the bench's own; dist-* is ignored by git, lint and Prettier.
const BENCH_OUT = new URL('../dist-bench/', import.meta.url).pathname
const CSV_PAGE_OUT = join(BENCH_OUT, 'csv-page')
const FLOOR_PATH = '/bench-floor/'
const CSV_PATH = '/bench-csv/'
const CHROME = process.env.CHROME ?? process.env.CHROME_PATH ?? '/usr/bin/chromium'
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
/** One 60 Hz frame, the budget issue 15 gives a keystroke. */
const FRAME_MS = 16.7

// Vite itself, not through npx: killing an npx wrapper leaves the process running.
const VITE = new URL('../node_modules/vite/bin/vite.js', import.meta.url).pathname
const vite = (args, options) => spawn(process.execPath, [VITE, ...args], options)

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const verdict = (ok) => (ok ? 'met' : 'NOT MET')

function quantile(sorted, q) {
  const i = (sorted.length - 1) * q
  const lo = Math.floor(i)
  const hi = Math.ceil(i)
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo)
}

const median = (values) =>
  quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  )

function gzipKb(file) {
  return gzipSync(readFileSync(join(DIST, file))).length / 1024
}

function bundleReport() {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8')
  // What the browser fetches before the first paint: the entry script and its preloads.
  const firstPaint = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1])
  const all = readdirSync(join(DIST, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`)
  const sum = (files) => files.reduce((kb, f) => kb + gzipKb(f), 0)
  const recharts = firstPaint.some((f) =>
    readFileSync(join(DIST, f), 'utf8').includes('recharts-wrapper'),
  )
  const kb = sum(firstPaint)
  const verdict =
    kb >= 110 ? 'NOT MET, over 110 KB' : recharts ? 'NOT MET, recharts included' : 'met'
  console.log('\nBundle (gzip)')
  console.log(
    `  first-paint JavaScript: ${kb.toFixed(1)} KB in ${firstPaint.length} file(s)  (goal < 110 KB, no recharts: ${verdict})`,
  )
  console.log(`  all JavaScript:         ${sum(all).toFixed(1)} KB in ${all.length} file(s)`)
}

/** Runs in the page before its own scripts: notes every localStorage/sessionStorage write. */
function watchStorageWrites() {
  const writes = []
  Object.defineProperty(window, '__storageWrites', { value: writes })
  const setItem = Storage.prototype.setItem
  Storage.prototype.setItem = function (key, value) {
    writes.push({ at: performance.now(), bytes: String(value).length })
    setItem.call(this, key, value)
  }
}

/**
 * Times keydown to the paint of the next frame that shows the output changed, the same way
 * on the app and on the floor page. rAF runs at the start of the frame that paints a DOM
 * change, and a user-blocking task posted from it runs as soon as that frame's main-thread
 * work (style, layout, paint, commit) is done. A posted message, used before, waited behind
 * every task queued ahead of it: on the app, React's deferred render of the compare table,
 * which runs after the paint by design, so it added 10-20 ms the person never waits for
 * (the trace shows the paint ending that much before the message ran).
 */
async function instrumentTyping(page, input, output) {
  await input.click()
  await input.press('End')
  await page.evaluate(
    ([input, output]) => {
      const typing = { armed: false, start: 0, samples: [], output, baseline: output.textContent }
      Object.defineProperty(window, '__typing', { value: typing })
      input.addEventListener(
        'keydown',
        (e) => {
          if (!typing.armed) return
          typing.armed = false
          typing.start = e.timeStamp
        },
        true,
      )
      new MutationObserver(() => {
        if (!typing.start) return
        const t0 = typing.start
        typing.start = 0
        requestAnimationFrame(() => {
          scheduler.postTask(() => typing.samples.push({ t0, t1: performance.now() }), {
            priority: 'user-blocking',
          })
        })
      }).observe(output, { childList: true, characterData: true, subtree: true })
    },
    [await input.elementHandle(), await output.elementHandle()],
  )
}

/**
 * How long after the previous key press is painted the next one comes. A person typing fast
 * leaves 100 ms or more between keys (80 words a minute is about 150 ms); back to back is as
 * fast as the bench can send them, for comparison. Either pause steps through a whole frame
 * (7 and 17 share no factor): a key press always sent at the same point of the frame would
 * always wait the same part of one, where a person's key presses fall anywhere in it.
 */
const PACES = {
  person: (i) => 100 + ((i * 7) % 17),
  'back to back': (i) => 20 + ((i * 7) % 17),
}

/** `edits` measured key presses, each undone (unmeasured) so every one starts from the same total. */
async function typeEdits(page, edits, pause) {
  for (let i = 0; i < edits; i++) {
    const n = await page.evaluate(() => {
      window.__typing.armed = true
      return window.__typing.samples.length
    })
    await page.keyboard.press(String((i % 9) + 1))
    await page.waitForFunction((n) => window.__typing.samples.length > n, n)
    await page.keyboard.press('Backspace')
    // The undo must be painted and its work done before the next measured key press.
    await page.evaluate(
      (pauseMs) =>
        new Promise((resolve) => {
          const check = () => {
            if (window.__typing.output.textContent !== window.__typing.baseline) {
              setTimeout(check, 1)
              return
            }
            requestAnimationFrame(() => {
              const ch = new MessageChannel()
              ch.port1.onmessage = () => setTimeout(resolve, pauseMs)
              ch.port2.postMessage(0)
            })
          }
          check()
        }),
      pause(i),
    )
  }
}

async function typingLatency(browser) {
  // 100 measured edits a page and pace: the p95 of 50 was the third-slowest key press, and moved
  // by several milliseconds from run to run on this shared machine.
  const ROUNDS = 5
  const EDITS_PER_ROUND = 20
  const open = async (url) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    await context.addInitScript(watchStorageWrites)
    const page = await context.newPage()
    await page.goto(url)
    return page
  }

  const app = await open(ORIGIN)
  for (const preset of [
    'SaaS onboarding thumbnails',
    'Marketplace listing images',
    'Growth campaign creative',
    'Blog headers',
    'Paid social ads',
  ]) {
    await app.getByLabel('New scenario').selectOption({ label: preset })
  }
  await app.getByRole('button', { name: 'Duplicate' }).click()
  await app.getByRole('button', { name: 'Duplicate' }).click()
  const scenarios = await app
    .getByRole('navigation', { name: 'Scenarios' })
    .getByRole('listitem')
    .count()
  // Sections far below the first screen may mount only as they near the viewport, and the
  // goal is with every chart drawn: pass through the whole page first.
  await app.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += 400) {
      window.scrollTo(0, y)
      await new Promise((r) => setTimeout(r, 50))
    }
  })
  await app
    .getByRole('figure', { name: 'Draft vs final spend' })
    .locator('.recharts-bar-rectangle')
    .first()
    .waitFor()
  const charts = await app
    .getByRole('figure')
    .filter({ has: app.locator('svg') })
    .count()
  // The service worker precaches every chunk after load; let that finish before timing.
  await app.evaluate(() =>
    Promise.race([navigator.serviceWorker.ready, new Promise((r) => setTimeout(r, 10_000))]),
  )

  const floor = await open(`${ORIGIN}${FLOOR_PATH}`)
  const pages = [app, floor]
  for (const page of pages)
    await instrumentTyping(
      page,
      page.getByLabel('Jobs per month', { exact: true }),
      page.getByRole('status', { name: 'Monthly cost', exact: true }),
    )
  const edits = ROUNDS * EDITS_PER_ROUND
  const ms = (x) => `${x.toFixed(1)} ms`
  const stats = (values) => {
    const sorted = [...values].sort((a, b) => a - b)
    return { median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) }
  }
  console.log(
    `\nTyping into "Jobs per month" with ${scenarios} scenarios compared and ${charts} charts drawn, and into a bare-DOM echo page (the floor) the same way in the same browser: ${edits} edits each, interleaved in ${ROUNDS} rounds`,
  )
  // Unmeasured key presses first: the first ones after load run code not yet optimised
  // (one took 65 ms), which says nothing about typing.
  for (const page of pages) {
    await typeEdits(page, 5, PACES.person)
    await page.evaluate(() => (window.__typing.samples.length = 0))
  }
  for (const [pace, pause] of Object.entries(PACES)) {
    for (const page of pages) await page.evaluate(() => (window.__typing.samples.length = 0))
    const typingStarted = await app.evaluate(() => performance.now())
    // Interleaved, so a busy spell on the machine falls on both pages alike.
    for (let round = 0; round < ROUNDS; round++)
      for (const page of pages) await typeEdits(page, EDITS_PER_ROUND, pause)
    const typingEnded = await app.evaluate(() => performance.now())

    const latencies = (page) => page.evaluate(() => window.__typing.samples.map((s) => s.t1 - s.t0))
    const a = stats(await latencies(app))
    const f = stats(await latencies(floor))
    const writes = await app.evaluate(
      ([from, to]) => {
        const inTyping = window.__storageWrites.filter((w) => w.at >= from && w.at <= to)
        const beforePaint = window.__typing.samples.filter((s) =>
          window.__storageWrites.some((w) => w.at >= s.t0 && w.at <= s.t1),
        ).length
        return {
          count: inTyping.length,
          bytes: inTyping.reduce((sum, w) => sum + w.bytes, 0),
          beforePaint,
        }
      },
      [typingStarted, typingEnded],
    )
    const ratio = a.median / f.median
    const gap = `${pause(0)}-${pause(0) + 16} ms between a paint and the next key`
    console.log(`  ${pace} (${gap}):`)
    console.log(
      `    app, keydown to painted "Monthly cost":  median ${ms(a.median)}, p95 ${ms(a.p95)}`,
    )
    console.log(
      `    floor, keydown to painted echo:          median ${ms(f.median)}, p95 ${ms(f.p95)}`,
    )
    if (pace === 'person')
      console.log(
        `    goals, at a person's pace: app median at most 3x the floor (${ratio.toFixed(1)}x: ${verdict(ratio <= 3)}) and under ${FRAME_MS} ms (${verdict(a.median < FRAME_MS)}); app p95 under ${FRAME_MS} ms (${verdict(a.p95 < FRAME_MS)})`,
      )
    else console.log(`    app median ${ratio.toFixed(1)}x the floor (reported, not a goal)`)
    console.log(
      `    local storage written while typing: ${writes.count} time(s), ${(writes.bytes / 1024).toFixed(1)} KB in all, for ${edits * 2} key presses; between keydown and paint on ${writes.beforePaint} of ${edits} measured key presses  (goal: off the keystroke path, ${verdict(writes.beforePaint === 0)})`,
    )
  }
  await Promise.all(pages.map((page) => page.context().close()))
}

/** Runs in the page before its own scripts: keeps every long task (over 50 ms). */
function watchLongTasks() {
  const tasks = []
  Object.defineProperty(window, '__longTasks', { value: tasks })
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration })
  }).observe({ type: 'longtask', buffered: true })
}

/** The example file's first scenario `count` times, numbered, as tests/e2e/timing/bigWorksheet.spec.ts builds it. */
function scenariosCsv(count) {
  const lines = readFileSync(new URL('../public/example-scenarios.csv', import.meta.url), 'utf8')
    .trimEnd()
    .split(/\r?\n/)
  const header = lines[0].split(',')
  const col = header.indexOf('scenario')
  const rows = lines.slice(1).map((l) => l.split(','))
  const own = rows.filter((r) => r[col] === rows[0][col])
  const out = [header.join(',')]
  for (let i = 1; i <= count; i++)
    for (const row of own) out.push(row.map((c, j) => (j === col ? `Blog ${i}` : c)).join(','))
  return `${out.join('\n')}\n`
}

/**
 * Issue 13: a worksheet of 3,000 scenarios. The longest main-thread task while the import
 * preview opens, after Add, on a reload, switching scenario and typing, each against the
 * 200 ms goal; the same steps with 11 scenarios (twelve in all, as many as are compared)
 * show what the size itself costs. The sections below the worksheet are mounted first and
 * timed apart: that work is the same at any size.
 */
async function bigWorksheet(browser) {
  const GOAL_MS = 200
  const run = async (count) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    await context.addInitScript(watchLongTasks)
    const page = await context.newPage()
    const now = () => page.evaluate(() => performance.now())
    const settle = () =>
      page.evaluate(
        () =>
          new Promise((resolve) => {
            const check = () => {
              const last = window.__longTasks.at(-1)
              if (performance.now() - (last ? last.start + last.duration : 0) >= 1000) resolve()
              else setTimeout(check, 100)
            }
            setTimeout(check, 1000)
          }),
      )
    const longest = (since) =>
      page.evaluate(
        (from) =>
          Math.max(0, ...window.__longTasks.filter((t) => t.start >= from).map((t) => t.duration)),
        since,
      )
    const mountSections = async () => {
      const since = await now()
      for (const name of ['Decision tools', 'Compare', 'Usage log'])
        await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name }).click()
      await page
        .getByRole('table', { name: /Scenarios side by side/ })
        .waitFor({ state: 'attached' })
      await settle()
      return longest(since)
    }
    const phases = {}
    await page.goto(ORIGIN)
    await page.getByRole('status', { name: 'Monthly cost', exact: true }).waitFor()
    phases['mount sections'] = await mountSections()
    await page.getByLabel('Import scenarios from a CSV file').setInputFiles({
      name: 'big.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(scenariosCsv(count)),
    })
    let since = await now()
    const dialog = page.getByRole('dialog', { name: 'Import preview: big.csv' })
    await dialog.waitFor({ timeout: 60_000 })
    await settle()
    phases.preview = await longest(since)
    since = await now()
    await dialog.getByRole('button', { name: /^Add / }).click()
    await page.getByText(/^Added /).waitFor({ timeout: 60_000 })
    await settle()
    phases.add = await longest(since)
    await page.goto(ORIGIN)
    await page.getByRole('status', { name: 'Monthly cost', exact: true }).waitFor()
    await settle()
    phases.reload = await longest(0)
    await mountSections()
    since = await now()
    const bar = page.getByRole('navigation', { name: 'Scenarios' })
    const target = `Blog ${Math.ceil(count * 0.9)}`
    if (count > 20) await bar.getByLabel('Find a scenario').fill(target)
    await bar.getByRole('button', { name: target, exact: true }).click()
    await settle()
    phases.switch = await longest(since)
    since = await now()
    const jobs = page.getByLabel('Jobs per month', { exact: true })
    await jobs.click()
    await jobs.press('ControlOrMeta+a')
    await jobs.pressSequentially('2500')
    await settle()
    phases.typing = await longest(since)
    await context.close()
    return phases
  }
  const big = await run(3_000)
  const small = await run(11)
  console.log(
    '\nA worksheet of 3,000 scenarios (the example built 3,000 times, 1.4 MB of CSV): the longest main-thread task per phase, and the same steps with 11 scenarios',
  )
  for (const phase of Object.keys(big)) {
    const goal =
      phase === 'mount sections'
        ? '(no goal: the same work at any size)'
        : `(goal < ${GOAL_MS} ms: ${verdict(big[phase] < GOAL_MS)})`
    console.log(
      `  ${phase.padEnd(15)} ${`${Math.round(big[phase])} ms`.padStart(8)}   with 11: ${`${Math.round(small[phase])} ms`.padStart(7)}  ${goal}`,
    )
  }
}

async function csvImport(browser) {
  // A page of its own, built from bench/csv-page, so the benchmark calls the real
  // import code and papaparse side by side without exposing anything in the app.
  await new Promise((resolve, reject) => {
    const build = vite(
      [
        'build',
        'bench/csv-page',
        '--outDir',
        CSV_PAGE_OUT,
        '--emptyOutDir',
        '--base',
        CSV_PATH,
        '--logLevel',
        'error',
      ],
      { stdio: 'inherit' },
    )
    build.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`bench page build failed (${code})`)),
    )
  })
  const page = await browser.newPage()
  await page.goto(`${ORIGIN}${CSV_PATH}`)
  await page.waitForFunction(() => typeof window.runCsvBench === 'function')
  const r = await page.evaluate(() => window.runCsvBench(10_000, 31))
  console.log(
    `\nCSV import of ${r.rows.toLocaleString('en-US')} rows (${r.scenarios.toLocaleString('en-US')} scenarios), 8 warm-up runs, then the median of 31 interleaved runs`,
  )
  console.log(
    `  papaparse bare parse ${r.bareMs.toFixed(1)} ms; parse + validate ${r.importMs.toFixed(1)} ms; median ratio ${r.ratio.toFixed(2)}x  (goal: at most 2x)`,
  )
  await page.context().close()
}

/** A month of a busy product's log, one row per image, with the API's usage fields. */
function usageLogCsv(rows) {
  const lines = [
    'timestamp,template,stage,model,quality,size,status,input_tokens,input_text_tokens,input_image_tokens,output_tokens',
  ]
  for (let i = 0; i < rows; i++) {
    const final = i % 2 === 1
    lines.push(
      [
        new Date(Date.UTC(2026, 4, 1) + i * 13_000).toISOString(),
        `template-${i % 5}`,
        final ? 'final' : 'draft',
        'gpt-image-2',
        final ? 'high' : 'low',
        final ? '1536x1024' : '1024x1024',
        ['accepted', 'rejected', 'regenerated', 'edited'][i % 4],
        final ? 1104 : 50,
        final ? 80 : 50,
        final ? 1024 : 0,
        final ? 5488 : 196,
      ].join(','),
    )
  }
  return lines.join('\n')
}

async function usageLogImport(browser) {
  const ROWS = 200_000
  const RUNS = 5
  const path = join(mkdtempSync(join(tmpdir(), 'usage-bench-')), 'usage-log.csv')
  writeFileSync(path, usageLogCsv(ROWS))
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  await page.goto(ORIGIN)
  // The section mounts when a person nears it or follows its link, not on load.
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Usage log' })
    .click()
  const input = page.getByLabel('Usage log file')
  await input.waitFor({ state: 'attached' })
  const times = []
  for (let run = 0; run < RUNS; run++) {
    // From the moment the page has the file (change event) to the summary on screen.
    await page.evaluate(() => {
      window.__t0 = 0
      document.querySelector('input[aria-label="Usage log file"]').addEventListener(
        'change',
        () => {
          window.__t0 = performance.now()
        },
        { capture: true, once: true },
      )
    })
    await input.setInputFiles(path)
    const ms = await page.evaluate(
      (rows) =>
        new Promise((resolve) => {
          const done = () =>
            [...document.querySelectorAll('#usage [role="status"]')].some((el) =>
              el.textContent.includes(`${rows.toLocaleString('en-US')} rows read`),
            ) && document.querySelector('#usage [role="progressbar"], #usage progress') === null
          const check = () =>
            done() ? resolve(performance.now() - window.__t0) : requestAnimationFrame(check)
          check()
        }),
      ROWS,
    )
    times.push(ms)
    // The next run must see the summary appear again.
    await page.reload()
    await input.waitFor({ state: 'attached' })
  }
  const medianMs = median(times)
  console.log(
    `\nUsage log import of ${ROWS.toLocaleString('en-US')} rows (CSV, ${(readFileSync(path).length / 1024 / 1024).toFixed(1)} MB), median of ${RUNS} runs`,
  )
  console.log(
    `  file chosen to summary on screen: ${(medianMs / 1000).toFixed(2)} s, ${Math.round((ROWS / medianMs) * 1000).toLocaleString('en-US')} rows/s  (goal: 200,000 rows in under 2 s)`,
  )
  await page.close()
}

/**
 * Chromium with a profile of its own, removed afterwards: a profile left from an earlier
 * run would hand Lighthouse the service worker and its precache, and a warm load.
 */
async function launchFreshChromium() {
  const profile = mkdtempSync(join(tmpdir(), 'bench-lighthouse-'))
  const chrome = spawn(
    CHROME,
    ['--headless', ...ARGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0'],
    { stdio: 'ignore' },
  )
  const close = async () => {
    if (chrome.exitCode === null && chrome.signalCode === null) {
      const exited = new Promise((r) => chrome.once('exit', r))
      chrome.kill()
      await exited
    }
    // Chromium's helper processes can still write to the cache after the browser has exited
    // (ENOTEMPTY ended a bench run): retry until they are done.
    rmSync(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 })
  }
  // Port 0 lets Chromium pick a free port, which it writes to this file.
  for (let i = 0; i < 300; i++) {
    try {
      const port = Number(readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0])
      if (port > 0) return { port, close }
    } catch {
      // not written yet
    }
    await sleep(100)
  }
  await close()
  throw new Error('Chromium did not open its DevTools port')
}

async function lighthouseRuns() {
  // BENCH_LH_RUNS and BENCH_LH_PRESETS=mobile|desktop, for quick comparisons while working.
  const RUNS = Number(process.env.BENCH_LH_RUNS ?? 3)
  const wanted = process.env.BENCH_LH_PRESETS?.split(',')
  const { default: lighthouse } = await import('lighthouse')
  const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js')
  const reports = join(BENCH_OUT, 'lighthouse')
  mkdirSync(reports, { recursive: true })
  const presets = [
    {
      name: 'mobile',
      title: 'mobile preset (simulated mid-range phone, slow 4G, 4x CPU slowdown)',
      config: undefined,
      goals: { score: 95, lcpMs: 2000, tbtMs: 200 },
    },
    {
      name: 'desktop',
      title: 'desktop preset (simulated throttling)',
      config: desktopConfig,
      goals: { score: 100 },
    },
  ]
  for (const preset of presets) {
    if (wanted && !wanted.includes(preset.name)) continue
    const lhrs = []
    for (let run = 0; run < RUNS; run++) {
      const chrome = await launchFreshChromium()
      try {
        const result = await lighthouse(
          `${ORIGIN}/`,
          { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] },
          preset.config,
        )
        if (!result) throw new Error('Lighthouse returned no result')
        // Kept for profiling: open one in the Lighthouse viewer to see what blocks the page.
        writeFileSync(join(reports, `${preset.name}-${run + 1}.json`), String(result.report))
        if (result.lhr.runtimeError)
          console.log(`  run ${run + 1}: ${result.lhr.runtimeError.message}`)
        else lhrs.push(result.lhr)
      } finally {
        await chrome.close()
      }
    }
    const lhr = lhrs[0]
    if (!lhr) {
      console.log(`\nLighthouse, ${preset.title}: no run completed`)
      continue
    }
    const metric = (id) => median(lhrs.map((r) => r.audits[id]?.numericValue ?? Number.NaN))
    const scores = lhrs.map((r) => Math.round((r.categories.performance?.score ?? 0) * 100))
    const score = median(scores)
    const fcp = metric('first-contentful-paint')
    const lcp = metric('largest-contentful-paint')
    const tbt = metric('total-blocking-time')
    const tti = metric('interactive')
    const s = (ms) => `${(ms / 1000).toFixed(1)} s`
    const { goals } = preset
    const goal = (text, ok) => `goal ${text}: ${verdict(ok)}`
    const rows = [
      [
        'performance score',
        `${score} (runs ${scores.join(', ')})`,
        goal(goals.score === 100 ? '100' : `at least ${goals.score}`, score >= goals.score),
      ],
      ['first contentful paint', s(fcp)],
      [
        'largest contentful paint',
        s(lcp),
        goals.lcpMs && goal(`under ${s(goals.lcpMs)}`, lcp < goals.lcpMs),
      ],
      [
        'total blocking time',
        `${Math.round(tbt).toLocaleString('en-US')} ms`,
        goals.tbtMs && goal(`under ${goals.tbtMs} ms`, tbt < goals.tbtMs),
      ],
      ['time to interactive', s(tti)],
      // Lighthouse's own CPU benchmark, to read the rest by: the lower, the busier the machine.
      [
        'CPU benchmark index',
        String(Math.round(median(lhrs.map((r) => r.environment.benchmarkIndex)))),
      ],
    ]
    console.log(
      `\nLighthouse ${lhr.lighthouseVersion}, ${preset.title}: ${ORIGIN}/ served gzip-compressed, median of ${lhrs.length} runs, each in a fresh profile`,
    )
    for (const [label, value, note] of rows)
      console.log(`  ${label.padEnd(25)}${value.padEnd(22)}${note ? `(${note})` : ''}`.trimEnd())
  }
  console.log(`  reports: ${reports}`)
}

if (!existsSync(join(DIST, 'index.html'))) throw new Error('Run npm run build first')
if (!existsSync(CHROME))
  throw new Error(
    `Chromium not found at ${CHROME}; install it (apt-get install chromium) or set CHROME`,
  )
// BENCH_ONLY=typing|usage|csv|big|lighthouse runs one part, for repeated runs while working on it.
const only = process.env.BENCH_ONLY
const runs = (part) => only === undefined || only === part
bundleReport()
const server = await startStaticServer({
  port: PORT,
  mounts: [
    { prefix: '/', dir: DIST },
    { prefix: FLOOR_PATH, dir: FLOOR_PAGE },
    { prefix: CSV_PATH, dir: CSV_PAGE_OUT },
  ],
})
try {
  if (runs('typing') || runs('usage') || runs('csv') || runs('big')) {
    const browser = await chromium.launch({ executablePath: CHROME, args: ARGS })
    try {
      if (runs('typing')) await typingLatency(browser)
      if (runs('usage')) await usageLogImport(browser)
      if (runs('csv')) await csvImport(browser)
      if (runs('big')) await bigWorksheet(browser)
    } finally {
      await browser.close()
    }
  }
  // Last, and with no other browser open: Lighthouse's simulation scales what it observes.
  if (runs('lighthouse')) await lighthouseRuns()
} finally {
  await server.close()
}
