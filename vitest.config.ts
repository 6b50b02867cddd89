import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

export default defineConfig({
  plugins: [react()],
  test: {
    // Vitest leaves one core to itself by default: on a 2-core machine that is one worker
    // and a serial run (69 s). Its own process mostly waits, so every core runs tests (43 s).
    maxWorkers: availableParallelism(),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          // Property tests run hundreds of cases; on a loaded 2-core machine a few took over
          // vitest's 5 s default while taking about 1 s on an idle one.
          testTimeout: 20_000,
          // Pure functions over their arguments (no globals, no mocks, no store): the files can
          // share workers and their module graph instead of starting afresh each.
          isolate: false,
          pool: 'threads',
          // Benchmarks run once, in node, not again in the jsdom project.
          benchmark: { include: ['bench/**/*.bench.ts'] },
        },
      },
      {
        extends: true,
        test: {
          name: 'components',
          environment: 'jsdom',
          include: ['tests/components/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/components/setup.ts'],
          // user-event drives jsdom keystroke by keystroke: a whole-page test takes seconds on a
          // busy 2-core machine, well past vitest's 5 s default.
          testTimeout: 30_000,
          // One jsdom and one module graph per worker instead of per file: building jsdom and
          // importing React, recharts and the store afresh for each file cost about 30 s of the
          // run's CPU time. What a file could leave behind is reset between tests instead: the
          // store and local storage (setup.ts), rendered trees (cleanup), spies and timers (each
          // file's afterEach).
          isolate: false,
          pool: 'threads',
        },
      },
    ],
  },
})
