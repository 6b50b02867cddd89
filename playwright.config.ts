import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'

// The system Chromium, never a downloaded one: these machines cannot fetch browsers.
const chromium = process.env.CHROME ?? '/usr/bin/chromium'
if (!existsSync(chromium)) {
  throw new Error(
    `Chromium was not found at ${chromium}. The browser tests drive the system Chromium: ` +
      'install it (Debian/Ubuntu: sudo apt-get install chromium) or point CHROME at a ' +
      'Chromium or Chrome binary, e.g. CHROME=/usr/bin/google-chrome npm test.',
  )
}

// Overridable so two checkouts or builds can run their browser tests side by side.
const port = Number(process.env.E2E_PORT ?? 4173)
const outDir = process.env.E2E_DIST ?? 'dist'
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${String(port)}`,
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: chromium, args: chromiumArgs },
    trace: 'off',
  },
  projects: [
    { name: 'browser', testIgnore: 'timing/**' },
    {
      // Tests that fail a freeze (a main-thread task over a bar) time the page, and a test
      // running beside them on a 2-core machine stretches every task it overlaps: they run
      // alone, one at a time, after the rest. Alone: `npx playwright test --no-deps timing/`.
      name: 'timing',
      testMatch: 'timing/**/*.spec.ts',
      dependencies: ['browser'],
      workers: 1,
    },
  ],
  webServer: {
    // The production build, served on loopback only.
    command: `npx vite preview --host 127.0.0.1 --port ${String(port)} --strictPort --outDir ${outDir}`,
    url: `http://127.0.0.1:${String(port)}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
})
