// Browser benchmarks on the production build in the system Chromium.
// Not a test: it prints numbers against the goals in the issues and never fails on them.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from '@playwright/test'

const PORT = 4191
const ORIGIN = `http://127.0.0.1:${PORT}`
const DIST = new URL('../dist/', import.meta.url).pathname
const CHROME = process.env.CHROME ?? '/usr/bin/chromium'
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

// Vite itself, not through npx: killing an npx wrapper leaves the server running,
// and the open server keeps this script (and `npm run bench`) from ever exiting.
const VITE = new URL('../node_modules/vite/bin/vite.js', import.meta.url).pathname
const vite = (args, options) => spawn(process.execPath, [VITE, ...args], options)

function quantile(sorted, q) {
  const i = (sorted.length - 1) * q
  const lo = Math.floor(i)
  const hi = Math.ceil(i)
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo)
}

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
  console.log('\nBundle (gzip)')
  console.log(
    `  first-paint JavaScript: ${sum(firstPaint).toFixed(1)} KB in ${firstPaint.length} file(s)  (goal < 110 KB, no recharts: ${recharts ? 'FAILS, recharts included' : 'ok'})`,
  )
  console.log(`  all JavaScript:         ${sum(all).toFixed(1)} KB in ${all.length} file(s)`)
}

async function startPreview() {
  const server = vite(['preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(ORIGIN)
      if (r.ok) return server
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  server.kill()
  throw new Error('vite preview did not start')
}

async function typingLatency(page) {
  for (const preset of [
    'SaaS onboarding thumbnails',
    'Marketplace listing images',
    'Growth campaign creative',
    'Blog headers',
    'Paid social ads',
  ]) {
    await page.getByLabel('New scenario').selectOption({ label: preset })
  }
  await page.getByRole('button', { name: 'Duplicate' }).click()
  await page.getByRole('button', { name: 'Duplicate' }).click()
  const scenarios = await page
    .getByRole('navigation', { name: 'Scenarios' })
    .getByRole('listitem')
    .count()
  await page
    .getByRole('figure', { name: 'Draft vs final spend' })
    .locator('.recharts-bar-rectangle')
    .first()
    .waitFor()

  const jobs = page.getByLabel('Jobs per month', { exact: true })
  await jobs.click()
  await jobs.press('End')
  await page.evaluate(() => {
    const input = document.activeElement
    const output = [...document.querySelectorAll('output')].find((o) => {
      const id = o.getAttribute('aria-labelledby')
      return id && document.getElementById(id)?.textContent === 'Monthly cost'
    })
    window.__samples = []
    let start = 0
    input.addEventListener(
      'keydown',
      (e) => {
        start = e.timeStamp
      },
      true,
    )
    // After the DOM changes, the next frame paints it: rAF runs just before that paint and a
    // message posted from it runs just after.
    new MutationObserver(() => {
      if (!start) return
      const t0 = start
      start = 0
      requestAnimationFrame(() => {
        const ch = new MessageChannel()
        ch.port1.onmessage = () => window.__samples.push(performance.now() - t0)
        ch.port2.postMessage(0)
      })
    }).observe(output, { childList: true, characterData: true, subtree: true })
  })
  const EDITS = 50
  for (let i = 0; i < EDITS; i++) {
    await page.keyboard.press(String((i % 9) + 1))
    await page.waitForFunction((n) => window.__samples.length >= n, i + 1)
    // Put the value back (not measured) so every measured edit starts from the same total.
    await page.evaluate(() => {
      window.__pause = true
    })
    await page.keyboard.press('Backspace')
    await page.waitForTimeout(30)
    await page.evaluate((n) => {
      window.__samples.length = n
    }, i + 1)
  }
  const samples = (await page.evaluate(() => window.__samples))
    .slice(0, EDITS)
    .sort((a, b) => a - b)
  console.log(
    `\nTyping into "Jobs per month" with ${scenarios} scenarios compared and every chart shown (${EDITS} edits)`,
  )
  console.log(
    `  keydown to painted "Monthly cost": median ${quantile(samples, 0.5).toFixed(1)} ms, p95 ${quantile(samples, 0.95).toFixed(1)} ms  (goal: median within one 60 Hz frame, 16.7 ms)`,
  )
}

async function csvImport(browser) {
  // A page of its own, built from bench/csv-page, so the benchmark calls the real
  // import code and papaparse side by side without exposing anything in the app.
  const out = new URL('../dist-bench/', import.meta.url).pathname
  await new Promise((resolve, reject) => {
    const build = vite(
      ['build', 'bench/csv-page', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'],
      { stdio: 'inherit' },
    )
    build.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`bench page build failed (${code})`)),
    )
  })
  const server = vite(
    ['preview', '--host', '127.0.0.1', '--port', String(PORT + 1), '--strictPort', '--outDir', out],
    { stdio: 'ignore' },
  )
  try {
    const page = await browser.newPage()
    for (let i = 0; i < 100; i++) {
      try {
        await page.goto(`http://127.0.0.1:${PORT + 1}/`)
        break
      } catch {
        await new Promise((r) => setTimeout(r, 100))
      }
    }
    await page.waitForFunction(() => typeof window.runCsvBench === 'function')
    const r = await page.evaluate(() => window.runCsvBench(10_000, 31))
    console.log(
      `\nCSV import of ${r.rows.toLocaleString('en-US')} rows (${r.scenarios.toLocaleString('en-US')} scenarios), 8 warm-up runs, then the median of 31 interleaved runs`,
    )
    console.log(
      `  papaparse bare parse ${r.bareMs.toFixed(1)} ms; parse + validate ${r.importMs.toFixed(1)} ms; median ratio ${r.ratio.toFixed(2)}x  (goal: at most 2x)`,
    )
  } finally {
    server.kill()
  }
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
  times.sort((a, b) => a - b)
  const median = quantile(times, 0.5)
  console.log(
    `\nUsage log import of ${ROWS.toLocaleString('en-US')} rows (CSV, ${(readFileSync(path).length / 1024 / 1024).toFixed(1)} MB), median of ${RUNS} runs`,
  )
  console.log(
    `  file chosen to summary on screen: ${(median / 1000).toFixed(2)} s, ${Math.round((ROWS / median) * 1000).toLocaleString('en-US')} rows/s  (goal: 200,000 rows in under 2 s)`,
  )
  await page.close()
}

if (!existsSync(join(DIST, 'index.html'))) throw new Error('Run npm run build first')
if (!existsSync(CHROME))
  throw new Error(
    `Chromium not found at ${CHROME}; install it (apt-get install chromium) or set CHROME`,
  )
// BENCH_ONLY=typing|usage|csv runs one part, for repeated runs while working on it.
const only = process.env.BENCH_ONLY
const runs = (part) => only === undefined || only === part
bundleReport()
const server = await startPreview()
const browser = await chromium.launch({ executablePath: CHROME, args: ARGS })
try {
  if (runs('typing')) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.goto(ORIGIN)
    await typingLatency(page)
  }
  if (runs('usage')) await usageLogImport(browser)
  if (runs('csv')) await csvImport(browser)
} finally {
  await browser.close()
  server.kill()
}
