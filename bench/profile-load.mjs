// Where a phone's load goes: the page loaded with the CPU slowed 4x (Lighthouse's mobile
// preset), its long tasks and its JavaScript by function, mapped to the source.
//
//   node bench/static-server.mjs dist 4191 &   then   node bench/profile-load.mjs [url]
//   AFTER_FCP=1 profiles only what runs after the first contentful paint.
import { chromium } from '@playwright/test'
import { ARGS, CHROME, largest, sumProfile } from './profiling.mjs'

const url = process.argv[2] ?? 'http://127.0.0.1:4191/'
const browser = await chromium.launch({ executablePath: CHROME, args: ARGS })
// A phone's viewport; no service worker, as on a first visit.
const context = await browser.newContext({
  viewport: { width: 412, height: 823 },
  serviceWorkers: 'block',
})
await context.addInitScript(() => {
  const longTasks = []
  Object.defineProperty(window, '__longTasks', { value: longTasks })
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      longTasks.push(`${Math.round(e.startTime)} ms: ${Math.round(e.duration)} ms`)
  }).observe({ type: 'longtask', buffered: true })
})
const page = await context.newPage()
const cdp = await context.newCDPSession(page)
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
await cdp.send('Profiler.enable')
await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
if (process.env.AFTER_FCP) {
  await page.goto(url, { waitUntil: 'commit' })
  await page.waitForFunction(
    () => performance.getEntriesByName('first-contentful-paint').length > 0,
    null,
    { polling: 5 },
  )
  await cdp.send('Profiler.start')
} else {
  await cdp.send('Profiler.start')
  await page.goto(url)
}
await page.waitForTimeout(4000)
const { profile } = await cdp.send('Profiler.stop')
const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0])
console.log(`first contentful paint at ${Math.round(fcp?.startTime ?? 0)} ms (4x slower CPU)`)
console.log(`long tasks: ${(await page.evaluate(() => window.__longTasks)).join(', ')}`)
const { self, inclusive } = sumProfile(profile)
const notIdle = (name) => !/^\((idle|program|root)\)/.test(name)
console.log(`--- self time\n${largest(self, 30, notIdle)}`)
console.log(`--- inclusive time\n${largest(inclusive, 40, notIdle)}`)
await browser.close()
