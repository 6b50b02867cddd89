const cache = new Map<string, Intl.DateTimeFormat>()

/**
 * "2027-01" as people read it, "Jan 2027". A month is a calendar label, not an instant:
 * it is formatted in UTC so no time zone moves it into the month before.
 */
export function formatMonth(month: string, locale?: string): string {
  const [year, m] = month.split('-').map(Number)
  if (year === undefined || m === undefined || !Number.isInteger(year) || !Number.isInteger(m))
    return month
  let f = cache.get(locale ?? '')
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' })
    cache.set(locale ?? '', f)
  }
  return f.format(Date.UTC(year, m - 1, 1))
}
