const MONTH = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' })

/** "April 2026" for "2026-04": the usage panels' month headings and table captions. */
export function monthName(month: string): string {
  const [y, m] = month.split('-').map(Number)
  return MONTH.format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1)))
}
