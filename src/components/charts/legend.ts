import { shortName } from '../ui/names'

/** A legend entry sits on one line beside the others: a long name is cut shorter there than in tables. */
export const LEGEND_NAME_MAX = 32

/** Space under a legend on screen: the top tick's text reaches half a line above the plot. */
export const LEGEND_GAP = 8

/**
 * The height of a legend above a chart `width` px wide: its entries laid out as the browser
 * wraps them (icon, gap and about 8.5 px per character at the page's size, 10 px between
 * entries), and the gap under it. recharts gives a legend at most half the chart's height
 * and scrolls the rest: at a fixed height, a dozen scenario names wrapped to a row each on a
 * phone and were cut off over the plot, so the chart grows to make the room.
 */
export function legendHeight(labels: readonly string[], width: number): number {
  const ROW = 24
  const room = Math.max(1, width - 16)
  let rows = labels.length > 0 ? 1 : 0
  let used = 0
  for (const label of labels) {
    const item = 28 + shortName(label, LEGEND_NAME_MAX).length * 8.5
    if (used > 0 && used + item > room) {
      rows++
      used = 0
    }
    used += item
  }
  return rows * ROW + LEGEND_GAP
}

/** A chart's height for a plot `plot` px tall under a legend `legend` px tall, which recharts caps at half the chart. */
export const heightWithLegend = (plot: number, legend: number): number =>
  Math.max(plot + legend, 2 * legend + 4)
