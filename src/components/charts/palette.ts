// Twelve colours, one per compared scenario or stage at the cap: Okabe-Ito's
// colour-blind-safe eight (yellow swapped for lime, which reads on white) and
// four of Paul Tol's muted set that are far from all of them in hue or lightness.
export const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#332288',
  '#999933',
  '#882255',
  '#000000',
  '#888888',
  '#9BC53D',
]
