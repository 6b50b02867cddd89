// Serves built files the way a static host does, so the browser benchmarks load what a
// visitor would: compressed text, hashed assets cached for a year, everything else
// revalidated. `vite preview` sends nothing compressed, which flatters no one on a slow
// network and makes Lighthouse's simulated phone download the raw bytes.
//
//   node bench/static-server.mjs [dir] [port]   serves one folder by hand (default dist, 4191)
import { createServer } from 'node:http'
import { readFileSync, statSync } from 'node:fs'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { constants, gzipSync } from 'node:zlib'

const TYPES = new Map([
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.mjs', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.json', 'application/json; charset=utf-8'],
  ['.map', 'application/json; charset=utf-8'],
  ['.webmanifest', 'application/manifest+json; charset=utf-8'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.ico', 'image/x-icon'],
  ['.csv', 'text/csv; charset=utf-8'],
  ['.txt', 'text/plain; charset=utf-8'],
  ['.woff2', 'font/woff2'],
])
// PNG and WOFF2 are compressed already; gzip would only cost time.
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.map',
  '.webmanifest',
  '.svg',
  '.csv',
  '.txt',
])
// Vite puts a content hash in every file name under assets/, so those never change.
const IMMUTABLE = /\/assets\/[^/]+-[\w-]{8,}\.\w+$/

/** Compressed once per file version, as a host that precompresses at deploy time. */
const gzipCache = new Map()

function gzipped(file, stat) {
  const key = `${file}:${stat.mtimeMs}:${stat.size}`
  let body = gzipCache.get(key)
  if (!body) {
    body = gzipSync(readFileSync(file), { level: constants.Z_BEST_COMPRESSION })
    gzipCache.set(key, body)
  }
  return body
}

/** The file a request path names inside one of the mounts, or undefined. */
function locate(mounts, pathname) {
  for (const { prefix, dir } of mounts) {
    if (!pathname.startsWith(prefix)) continue
    const root = resolve(dir)
    let file = resolve(join(root, normalize(pathname.slice(prefix.length))))
    if (file !== root && !file.startsWith(root + sep)) return undefined
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html')
      if (statSync(file).isFile()) return file
    } catch {
      // try the next mount
    }
  }
  return undefined
}

function handle(mounts, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end()
    return
  }
  let pathname
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
  } catch {
    res.writeHead(400).end()
    return
  }
  const file = locate(mounts, pathname)
  if (!file) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n')
    return
  }
  const stat = statSync(file)
  const ext = extname(file)
  const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`
  const headers = {
    'Content-Type': TYPES.get(ext) ?? 'application/octet-stream',
    'Cache-Control': IMMUTABLE.test(pathname)
      ? 'public, max-age=31536000, immutable'
      : // HTML, the service worker and the manifest must be checked on every load, or a
        // new release would never reach anyone.
        'no-cache',
    ETag: etag,
    'Last-Modified': stat.mtime.toUTCString(),
    Vary: 'Accept-Encoding',
  }
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers).end()
    return
  }
  // gzip rather than brotli: issue 15 measured (and sets its goals against) gzip.
  const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')
  if (gzip) headers['Content-Encoding'] = 'gzip'
  const body = gzip ? gzipped(file, stat) : readFileSync(file)
  headers['Content-Length'] = body.length
  res.writeHead(200, headers)
  res.end(req.method === 'HEAD' ? undefined : body)
}

/**
 * Serves each mount's folder under its URL prefix (longest prefix first) on 127.0.0.1.
 * @param {{ port: number, mounts: { prefix: string, dir: string }[] }} options
 * @returns {Promise<{ origin: string, close: () => Promise<void> }>}
 */
export function startStaticServer({ port, mounts }) {
  const sorted = [...mounts].sort((a, b) => b.prefix.length - a.prefix.length)
  const server = createServer((req, res) => {
    handle(sorted, req, res)
  })
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      resolvePromise({
        origin: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections()
            server.close(() => {
              done()
            })
          }),
      })
    })
  })
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? 'dist'
  const port = Number(process.argv[3] ?? 4191)
  const { origin } = await startStaticServer({ port, mounts: [{ prefix: '/', dir }] })
  console.log(`Serving ${dir} gzip-compressed at ${origin}/`)
}
