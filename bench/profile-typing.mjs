// What a keystroke costs the page's main thread, in thread time (a busy machine stretches
// wall-clock time, not this): the typing benchmark's page (8 scenarios compared, every chart
// drawn), then 40 key presses in "Jobs per month".
//
//   node bench/static-server.mjs dist 4191 &   then   node bench/profile-typing.mjs [url]
//   By default: milliseconds per key press by kind of work (script, style, layout, paint).
//   MODE=frames: also each key press's events up to its first paint, in order.
//   MODE=profile: the script by function, mapped to the source, for what runs inside the key
//   press's own events (the render before the paint), or everywhere with UNDER=''.
import { chromium } from '@playwright/test'
import { ARGS, CHROME, largest, sumProfile } from './profiling.mjs'

const url = process.argv[2] ?? 'http://127.0.0.1:4191/'
const KEYS = 20
const browser = await chromium.launch({ executablePath: CHROME, args: ARGS })
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
await page.goto(url)
for (const preset of [
  'SaaS onboarding thumbnails',
  'Marketplace listing images',
  'Growth campaign creative',
  'Blog headers',
  'Paid social ads',
])
  await page.getByLabel('New scenario').selectOption({ label: preset })
await page.getByRole('button', { name: 'Duplicate' }).click()
await page.getByRole('button', { name: 'Duplicate' }).click()
await page.evaluate(async () => {
  for (let y = 0; y < document.documentElement.scrollHeight; y += 400) {
    window.scrollTo(0, y)
    await new Promise((r) => setTimeout(r, 50))
  }
})
await page
  .getByRole('figure', { name: 'Draft vs final spend' })
  .locator('.recharts-bar-rectangle')
  .first()
  .waitFor()
await page.waitForTimeout(1500)
const input = page.getByLabel('Jobs per month', { exact: true })
await input.click()
await input.press('End')

/**
 * A digit and its Backspace, KEYS times; the charts' 250 ms settle is never reached. GAP_MS
 * sets the pause after each press (80 ms): a short one sends a key while the deferred work of
 * the one before may still run, as the typing benchmark's back-to-back presses do.
 */
const GAP_MS = Number(process.env.GAP_MS ?? 80)
async function type() {
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.press(String((i % 9) + 1))
    await page.waitForTimeout(GAP_MS)
    await page.keyboard.press('Backspace')
    await page.waitForTimeout(GAP_MS)
  }
}

const cdp = await page.context().newCDPSession(page)
if (process.env.MODE === 'profile') {
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
  await cdp.send('Profiler.start')
  await type()
  const { profile } = await cdp.send('Profiler.stop')
  const under = process.env.UNDER ?? 'dispatchDiscreteEvent'
  const { self, inclusive } = sumProfile(profile, (stack) => stack.some((n) => n.includes(under)))
  const notIdle = (name) => !/^\((idle|program|root)\)/.test(name)
  console.log(`--- self time, ${KEYS * 2} key presses\n${largest(self, 30, notIdle)}`)
  console.log(`--- inclusive time\n${largest(inclusive, 50, notIdle)}`)
} else {
  const events = []
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value))
  const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r))
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  })
  await type()
  await cdp.send('Tracing.end')
  await complete
  // The page's main thread: the renderer thread with the most events.
  const counts = new Map()
  for (const e of events)
    if (e.name === 'thread_name' && e.args.name === 'CrRendererMain')
      counts.set(`${e.pid}:${e.tid}`, 0)
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`
    if (counts.has(key)) counts.set(key, counts.get(key) + 1)
  }
  const main = [...counts].sort((a, b) => b[1] - a[1])[0][0]
  const kinds = ['RunTask', 'EventDispatch', 'FunctionCall', 'UpdateLayoutTree', 'Layout']
  kinds.push('PrePaint', 'Paint', 'Layerize', 'Commit')
  const ms = new Map()
  const layouts = []
  for (const e of events) {
    if (`${e.pid}:${e.tid}` !== main || e.ph !== 'X' || !kinds.includes(e.name)) continue
    ms.set(e.name, (ms.get(e.name) ?? 0) + (e.tdur ?? e.dur) / 1000)
    if (e.name === 'Layout') layouts.push(e.args?.beginData?.totalObjects)
  }
  console.log(`thread time per key press (${KEYS * 2} key presses), nested kinds overlap:`)
  for (const kind of kinds)
    console.log(`  ${kind.padEnd(18)}${((ms.get(kind) ?? 0) / KEYS / 2).toFixed(2)} ms`)
  console.log(`  objects in each layout: ${Math.max(...layouts.filter(Boolean))}`)
  if (process.env.MODE === 'frames')
    framesAfterKeydown(events.filter((e) => `${e.pid}:${e.tid}` === main))
}

/**
 * MODE=frames: what runs between each keydown and the end of the first paint after it, in
 * order. Shows whether deferred work (the compare table, charts) lands in the keystroke's own
 * frame or after it, and how many layout objects each layout found dirty.
 */
function framesAfterKeydown(events) {
  const timed = events.filter((e) => e.ph === 'X').sort((a, b) => a.ts - b.ts)
  const shown = ['EventDispatch', 'FunctionCall', 'Layout', 'PrePaint', 'Paint', 'RunTask']
  const toPaint = []
  for (const keydown of timed.filter(
    (e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown',
  )) {
    const after = timed.filter((e) => e.ts >= keydown.ts)
    const paint = after.find((e) => e.name === 'Paint')
    if (!paint) continue
    toPaint.push((paint.ts + paint.dur - keydown.ts) / 1000)
    if (toPaint.length > 4) continue
    const at = (e) => `@${((e.ts - keydown.ts) / 1000).toFixed(1)}+${(e.dur / 1000).toFixed(1)}`
    const what = (e) =>
      e.name === 'Layout'
        ? `Layout(${e.args?.beginData?.dirtyObjects} dirty)`
        : e.name === 'EventDispatch'
          ? e.args?.data?.type
          : e.name
    console.log(
      after
        .filter((e) => e.ts <= paint.ts && e.dur > 300 && shown.includes(e.name))
        .map((e) => `${what(e)}${at(e)}`)
        .join('  '),
    )
  }
  toPaint.sort((a, b) => a - b)
  console.log(
    `keydown to the end of the first paint after it (thread trace, ms): median ${toPaint[Math.floor(toPaint.length / 2)]?.toFixed(1)} of ${toPaint.length}`,
  )
}
await browser.close()
