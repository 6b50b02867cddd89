// The seeded draws and quantiles the Monte Carlo range is built from: pure numerics, kept
// apart from the scenario plumbing so each can be read and tested on its own.

/**
 * mulberry32: a 32-bit seeded PRNG, uniform on [0, 1). Not cryptographic;
 * chosen because it is tiny, fast and reproducible across JS engines.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** Inverse CDF of the triangular distribution on [low, high] with the given mode, for u in [0, 1). */
export function triangular(u: number, low: number, mode: number, high: number): number {
  const width = high - low
  if (width <= 0) return low
  const x =
    u < (mode - low) / width
      ? low + Math.sqrt(u * width * (mode - low))
      : high - Math.sqrt((1 - u) * width * (high - mode))
  // The square roots can land an ulp outside the range; a retry multiplier must never dip below 1.
  return Math.min(high, Math.max(low, x))
}

/** Value at quantile p (0..1) of ascending data, interpolating linearly (R type 7, numpy's default). */
export function quantileSorted(sorted: Float64Array, p: number): number {
  const n = sorted.length
  if (n === 0) return 0
  const h = (n - 1) * p
  const i = Math.floor(h)
  const lo = sorted[i] ?? 0
  const hi = sorted[Math.min(n - 1, i + 1)] ?? lo
  return lo + (h - i) * (hi - lo)
}
