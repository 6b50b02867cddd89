/**
 * Share links: the scenarios themselves, carried in the address after `#s=`.
 * The payload is the CSV text people share as files (format version 2),
 * deflated with the browser's own CompressionStream and base64url-encoded,
 * so a link is checked exactly like an imported file and nothing is ever
 * sent to a server (a fragment never leaves the browser).
 *
 * A link is untrusted input: decoding never throws, caps what it inflates,
 * and says in a sentence what is wrong with a damaged link.
 */
import type { Scenario } from '../domain/model'
import type { PriceBook } from '../domain/priceBook'
import { uniqueScenarioNames } from '../domain/scenarioNames'
import { PRICE_BOOK } from '../presets/priceBook'
import { withoutBom } from './cells'
import { exportScenariosCsv } from './csv/export'
import type { CsvImportResult } from './csv/format'
import { importScenariosCsv } from './csv/import'

/**
 * zlib ('deflate'), not 'deflate-raw': raw deflate has no checksum, so a
 * link with one character changed in transit can inflate to a valid CSV
 * with a different number in it. zlib's Adler-32 turns that into an error
 * for 6 more bytes (8 characters of link).
 */
const COMPRESSION: CompressionFormat = 'deflate'

/** Far above any real set of scenarios (the 5 presets are about 4 KB); stops a zip bomb. */
export const MAX_SHARE_CSV_BYTES = 5 * 1024 * 1024
/** Chromium keeps URLs up to 2 MB; anything longer was not made by this app. */
const MAX_PAYLOAD_CHARS = 2 * 1024 * 1024

const NOTHING_CHANGED = 'Nothing was changed.'
const ASK_AGAIN = 'Ask for the link again and copy all of it.'

export type ShareLinkResult =
  { ok: true; csv: string; import: CsvImportResult } | { ok: false; message: string }

class TooLarge extends Error {}

/** Runs bytes through a (de)compression stream, giving up past `cap` output bytes. */
async function transform(
  bytes: Uint8Array<ArrayBuffer>,
  stream: CompressionStream | DecompressionStream,
  cap: number,
): Promise<Uint8Array<ArrayBuffer>> {
  // Not Blob.stream(): jsdom's Blob has none, and the other tests run there.
  // Not awaited before reading: a write settles only once its output is read.
  // A failure rejects the reads too, which is where it is reported.
  const writer = stream.writable.getWriter()
  const written = writer
    .write(bytes)
    .then(() => writer.close())
    .catch(() => undefined)
  const reader = stream.readable.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > cap) {
      await reader.cancel()
      throw new TooLarge()
    }
    chunks.push(value)
  }
  await written
  const out = new Uint8Array(size)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.byteLength
  }
  return out
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  // Chunked: spreading a whole large array into one call overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** Null when the text is not base64url (or could not be, at its length). */
function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  // One leftover character holds 6 bits, less than a byte: no encoder writes that.
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null
  let binary: string
  try {
    binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  } catch {
    return null
  }
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/**
 * Names the CSV format needs (non-blank, distinct per scenario), so every
 * scenario in a link comes back as itself: a blank name would be reported
 * as missing and two equal names would merge into one scenario. Names that
 * already work are kept exactly.
 */
function shareable(scenarios: readonly Scenario[]): Scenario[] {
  const names = uniqueScenarioNames(
    scenarios.map((s) => s.name),
    new Set(),
  )
  return scenarios.map((s, i) => {
    const stages = s.stages.map((st, k) =>
      st.name.trim() === '' ? { ...st, name: `Stage ${String(k + 1)}` } : st,
    )
    return { ...s, name: names[i] ?? s.name, stages }
  })
}

/**
 * A link that opens `scenarios` in this app: `${baseUrl}#s=<payload>`, any
 * hash already on `baseUrl` replaced. Blank names become "Untitled
 * scenario" or "Stage N" and repeated scenario names get " (2)", " (3)"…;
 * a scenario without stages has no rows, so it is not in the link.
 * @example await encodeShareLink([defaultScenario()], 'https://example.org/') // 'https://example.org/#s=eJy…'
 */
export async function encodeShareLink(
  scenarios: readonly Scenario[],
  baseUrl: string,
  book: PriceBook = PRICE_BOOK,
): Promise<string> {
  // Without the byte-order mark: it is there for spreadsheets, and a link has no use for it.
  // The book carries the worksheet's custom models, so the link carries their definitions.
  const csv = withoutBom(exportScenariosCsv(shareable(scenarios), book))
  const packed = await transform(
    new TextEncoder().encode(csv),
    new CompressionStream(COMPRESSION),
    Number.POSITIVE_INFINITY,
  )
  const base = baseUrl.split('#', 1)[0] ?? ''
  return `${base}#s=${toBase64Url(packed)}`
}

/**
 * The payload of a share link's hash (`#s=…`), or null when the hash is
 * not a share link (`''`, `#compare`). An empty `#s=` gives `''`: it is a
 * share link, a broken one, and decodeShareLink says so.
 * @example readShareHash('#s=eJy') // 'eJy'
 */
export function readShareHash(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('s')
}

const failed = (problem: string): ShareLinkResult => ({
  ok: false,
  message: `${problem} ${NOTHING_CHANGED}`,
})

/**
 * Reads the scenarios out of a share link: a location.hash (`#s=…`) or the
 * whole link. Never throws. `ok` means the text inflated to a CSV with at
 * least one scenario; each scenario may still have its own errors, listed in
 * `import` exactly as for a file, for the import preview to show.
 * @example (await decodeShareLink(location.hash)).ok
 */
export async function decodeShareLink(hash: string): Promise<ShareLinkResult> {
  const at = hash.indexOf('#')
  const payload = readShareHash(at >= 0 ? hash.slice(at) : hash)
  if (payload === null) {
    return failed('This address holds no shared scenarios: it has no #s= part.')
  }
  if (payload === '') {
    return failed(`The share link is empty: nothing follows #s=, so it was cut off. ${ASK_AGAIN}`)
  }
  if (payload.length > MAX_PAYLOAD_CHARS) {
    return failed('The share link is longer than any link this app makes, so it was not opened.')
  }
  const packed = fromBase64Url(payload)
  if (!packed) {
    return failed(
      `The share link is damaged: after #s= it has characters a share link never contains, or is cut short. ${ASK_AGAIN}`,
    )
  }
  if (!('DecompressionStream' in globalThis)) {
    return failed(
      'This browser cannot open share links (it has no DecompressionStream). Open the link in a current browser, or ask for a CSV file instead.',
    )
  }
  let bytes: Uint8Array
  try {
    bytes = await transform(packed, new DecompressionStream(COMPRESSION), MAX_SHARE_CSV_BYTES)
  } catch (error) {
    if (error instanceof TooLarge) {
      return failed(
        'The share link unpacks to more than 5 MB, far more than any set of scenarios, so it was not opened.',
      )
    }
    return failed(
      `The share link is damaged or cut short: its scenarios could not be unpacked. ${ASK_AGAIN}`,
    )
  }
  let csv: string
  try {
    csv = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return failed(
      `The share link is damaged: it unpacks to something that is not text. ${ASK_AGAIN}`,
    )
  }
  const result = importScenariosCsv(csv, PRICE_BOOK)
  const fileErrors = result.problems.filter((p) => p.severity === 'error' && p.row === null)
  if (result.scenarios.length === 0 || fileErrors.length > 0) {
    // The first few reasons: past three, a damaged link only repeats itself.
    const reasons = (fileErrors.length > 0 ? fileErrors : result.problems)
      .slice(0, 3)
      .map((p) => p.message)
    return failed(
      `The share link holds no scenarios this app can read. ${reasons.join(' ') || 'It has no scenario rows.'}`,
    )
  }
  return { ok: true, csv, import: result }
}
