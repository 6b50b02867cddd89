import { useMemo } from 'react'
import { billedTokensPerImage } from '../../domain/usage/billing'
import type { BillSummary } from '../../domain/usage/billing'
import { outputTokens } from '../../domain/engine'
import type { PriceBook } from '../../domain/priceBook'
import { priceBookId } from '../../domain/usage/pricer'
import { BILLED_QUALITIES } from '../../domain/model'
import { formatCount, formatMeasured } from '../../format/number'
import { Panel } from '../ui/Panel'
import { TableScroll } from '../ui/TableScroll'
import { shortText } from './labels'
import { monthName } from './monthName'

/** "low 196, medium 1,756, high 7,024": the engine's output tokens per image at one size. */
function engineAtSize(model: string, size: string, book: PriceBook): string | null {
  const id = priceBookId(model, book)
  const m = /^(\d+)x(\d+)$/.exec(size)
  if (id === null || !m) return null
  const parts = BILLED_QUALITIES.map((q) => {
    const r = outputTokens(id, q, Number(m[1]), Number(m[2]), book)
    return r.ok ? `${q} ${formatCount(r.tokens)}` : null
  })
  return parts.every((p) => p !== null) ? parts.join(', ') : null
}

/**
 * Where Costs API quantities and Usage API image counts meet: tokens billed
 * per image beside the engine's figures for the images' size. The bill has
 * no quality, so the engine's three qualities are shown and the person reads
 * off which one the bill matches.
 */
export function BilledTokensPanel({ bill, book }: { bill: BillSummary; book: PriceBook }) {
  const { meets, differentDays } = useMemo(() => billedTokensPerImage(bill), [bill])
  if (meets.length === 0 && differentDays.length === 0) return null
  const perImage = (n: number | null) => (n === null ? '—' : formatMeasured(n))
  return (
    <Panel
      title="Tokens per billed image"
      className="wide"
      lede="Tokens the Costs API billed (its quantity) over the images the Usage API counted, for the same days and image model."
    >
      {meets.length > 0 && (
        <TableScroll label="Tokens per billed image by month and model">
          <table className="panel-table">
            <caption>Tokens per billed image by month and model</caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col">Model</th>
                <th scope="col">Images</th>
                <th scope="col">Output tokens per image</th>
                <th scope="col">Engine at this size</th>
                <th scope="col">Text input per image</th>
                <th scope="col">Image input per image</th>
              </tr>
            </thead>
            <tbody>
              {meets.map((m) => {
                const size = m.sizes.length === 1 ? (m.sizes[0] ?? null) : null
                const engine = size === null ? null : engineAtSize(m.model, size, book)
                return (
                  <tr key={`${m.month}\u0000${m.model}`}>
                    <td>{monthName(m.month)}</td>
                    <th scope="row">{shortText(m.model)}</th>
                    <td>{formatCount(m.images)}</td>
                    <td>{formatMeasured(m.outputPerImage)}</td>
                    <td>
                      {engine === null
                        ? m.sizes.length > 1
                          ? `sizes mixed (${m.sizes.map((z) => shortText(z)).join(', ')})`
                          : '—'
                        : `${shortText(size ?? '')}: ${engine}`}
                    </td>
                    <td>{perImage(m.textPerImage)}</td>
                    <td>{perImage(m.imagePerImage)}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      {differentDays.length > 0 && (
        <p className="hint">
          Not measured for {differentDays.map(monthName).join(', ')}: the costs and the image counts
          cover different days.
        </p>
      )}
    </Panel>
  )
}
