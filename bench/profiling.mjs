// Shared by the profiling scripts (bench/profile-load.mjs, bench/profile-typing.mjs): where a
// sampled function comes from in the source, through the build's source maps, and the
// profile summed by function.
import { existsSync, readFileSync } from 'node:fs'
import { SourceMapConsumer } from 'source-map-js'

const DIST = new URL('../dist/assets/', import.meta.url).pathname
const maps = new Map()

/** "name src/path.ts:line" for a V8 call frame in a built chunk, or the frame as V8 names it. */
export function frameName(cf) {
  const file = cf.url.split('/').pop() ?? ''
  if (file.endsWith('.js')) {
    if (!maps.has(file)) {
      const map = `${DIST}${file}.map`
      maps.set(
        file,
        existsSync(map) ? new SourceMapConsumer(JSON.parse(readFileSync(map, 'utf8'))) : null,
      )
    }
    const o = maps
      .get(file)
      ?.originalPositionFor({ line: cf.lineNumber + 1, column: cf.columnNumber })
    if (o?.source) {
      const source = o.source.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, '')
      return `${o.name ?? cf.functionName} ${source}:${o.line}`
    }
  }
  return `${cf.functionName || '(anonymous)'} ${file}:${cf.lineNumber}`
}

/**
 * Milliseconds by function in a CDP CPU profile: self time, and inclusive time (counted once
 * per sample however deep the recursion). `keep(stack)` picks samples by their stack of names.
 */
export function sumProfile(profile, keep = () => true) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const names = new Map()
  const nameOf = (id) => {
    if (!names.has(id)) names.set(id, frameName(nodes.get(id).callFrame))
    return names.get(id)
  }
  const self = new Map()
  const inclusive = new Map()
  profile.samples.forEach((sample, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000
    const stack = []
    for (let id = sample; id !== undefined; id = parent.get(id)) stack.push(nameOf(id))
    if (!keep(stack)) return
    self.set(stack[0], (self.get(stack[0]) ?? 0) + ms)
    for (const name of new Set(stack)) inclusive.set(name, (inclusive.get(name) ?? 0) + ms)
  })
  return { self, inclusive }
}

/** The `count` largest entries, one a line. */
export function largest(map, count, filter = () => true) {
  return [...map]
    .filter(([name]) => filter(name))
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${name}`)
    .join('\n')
}

export const CHROME = process.env.CHROME ?? '/usr/bin/chromium'
export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run']
