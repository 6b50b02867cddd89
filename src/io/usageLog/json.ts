/**
 * Usage logs as JSON Lines (one object per line) or a JSON array of objects;
 * nested objects such as the Images API `usage` are flattened to key paths.
 */
import { firstChar } from '../cells'
import type { ColumnMapping } from './columns'
import { emptyMapping, guessColumnMapping, hasAnyField, USAGE_FIELDS } from './columns'
import type { ProgressCallback, UsageLogFormat, UsageLogParse } from './result'
import { Collector, failed, finish, NO_COLUMNS, PROGRESS_EVERY } from './result'
import { RowReader } from './rowReader'
import type { StatusMapping } from './status'

/** JSON keys are gathered from this many first records (later records may add keys no field reads). */
const KEY_SAMPLE = 1000

type JsonObject = Record<string, unknown>

const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Flattened key paths of an object (nested objects joined with '.', at most 4 deep). */
function collectKeys(o: JsonObject, prefix: string[], into: Map<string, string[]>): void {
  for (const key of Object.keys(o)) {
    const path = [...prefix, key]
    const value = o[key]
    if (isObject(value) && path.length < 4) collectKeys(value, path, into)
    else {
      const name = path.join('.')
      if (!into.has(name)) into.set(name, path)
    }
  }
}

function walk(o: JsonObject, path: readonly string[]): unknown {
  let v: unknown = o
  for (const key of path) {
    // Own keys only: a path such as "constructor" found on one record must not
    // find Object's member on a record that lacks it.
    if (!isObject(v) || !Object.hasOwn(v, key)) return undefined
    v = v[key]
  }
  return v
}

class JsonReader {
  private readonly keys = new Map<string, string[]>()
  /** Records read before the mapping is fixed. */
  private readonly pending: { row: number; value: unknown; error: string | null }[] = []
  private paths: (readonly string[] | null)[] | null = null
  mapping: ColumnMapping
  collector: Collector | null = null

  constructor(
    private readonly given: ColumnMapping | undefined,
    private readonly notObject: (row: number) => string,
    private readonly statusMapping: StatusMapping | undefined,
  ) {
    this.mapping = given ?? emptyMapping()
  }

  get headers(): string[] {
    return [...this.keys.keys()]
  }

  /** One parsed record; records are held until the sample is big enough to map keys. */
  add(row: number, value: unknown, error: string | null): void {
    if (this.paths === null && this.pending.length < KEY_SAMPLE) {
      if (isObject(value)) collectKeys(value, [], this.keys)
      this.pending.push({ row, value, error })
      if (this.pending.length === KEY_SAMPLE) this.start()
      return
    }
    this.process(row, value, error)
  }

  /** Fixes the mapping from the sampled keys and reads what was held back. */
  start(): boolean {
    if (this.paths !== null) return true
    this.mapping = this.given ?? guessColumnMapping(this.headers)
    if (!hasAnyField(this.mapping)) return false
    this.paths = USAGE_FIELDS.map((f) => {
      const name = this.mapping[f]
      if (name === null) return null
      return this.keys.get(name) ?? name.split('.')
    })
    this.collector = new Collector(new RowReader(this.mapping, false, this.statusMapping))
    for (const p of this.pending) this.process(p.row, p.value, p.error)
    this.pending.length = 0
    return true
  }

  private process(row: number, value: unknown, error: string | null): void {
    const c = this.collector
    const paths = this.paths
    if (!c || !paths) return
    if (error !== null) {
      c.rowsRead++
      c.skip(row, error)
      return
    }
    if (!isObject(value)) {
      c.rowsRead++
      c.skip(row, this.notObject(row))
      return
    }
    const values = c.reader.values
    for (let f = 0; f < paths.length; f++) {
      const path = paths[f]
      if (!path) values[f] = undefined
      else if (path.length === 1) values[f] = value[path[0] ?? '']
      else values[f] = walk(value, path)
    }
    c.take(row)
  }
}

function jsonError(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

export function parseJsonLines(
  body: string,
  given: ColumnMapping | undefined,
  onProgress: ProgressCallback | undefined,
  statusMapping?: StatusMapping,
): UsageLogParse {
  const reader = new JsonReader(
    given,
    (row) => `Line ${String(row)} is JSON but not an object.`,
    statusMapping,
  )
  let line = 0
  let from = 0
  while (from <= body.length) {
    if (onProgress && line % PROGRESS_EVERY === 0 && line > 0) onProgress(from / body.length)
    let to = body.indexOf('\n', from)
    if (to < 0) to = body.length
    line++
    let end = to
    if (end > from && body.charCodeAt(end - 1) === 13) end--
    const text = body.slice(from, end)
    from = to + 1
    if (firstChar(text) < 0) continue
    try {
      reader.add(line, JSON.parse(text) as unknown, null)
    } catch (e) {
      reader.add(line, undefined, `Line ${String(line)} is not valid JSON (${jsonError(e)}).`)
    }
  }
  return finishJson('jsonl', reader)
}

export function parseJsonArray(
  body: string,
  given: ColumnMapping | undefined,
  onProgress: ProgressCallback | undefined,
  statusMapping?: StatusMapping,
): UsageLogParse {
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch (e) {
    return failed(
      `The log starts with [ but is not valid JSON (${jsonError(e)}).`,
      'json',
      given ?? emptyMapping(),
    )
  }
  if (!Array.isArray(value)) {
    return failed('The log is JSON but not an array of records.', 'json', given ?? emptyMapping())
  }
  const reader = new JsonReader(
    given,
    (row) => `Record ${String(row)} is not an object.`,
    statusMapping,
  )
  value.forEach((item: unknown, i) => {
    reader.add(i + 1, item, null)
    if (onProgress && (i + 1) % PROGRESS_EVERY === 0) onProgress((i + 1) / value.length)
  })
  return finishJson('json', reader)
}

function finishJson(format: UsageLogFormat, reader: JsonReader): UsageLogParse {
  const headers = reader.headers
  if (!reader.start() || !reader.collector) {
    return failed(
      headers.length > 0 ? NO_COLUMNS : 'The log has no records.',
      format,
      reader.mapping,
      headers,
    )
  }
  return finish(format, headers, reader.mapping, reader.collector)
}
