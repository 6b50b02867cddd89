/** Saves text as a file through a temporary link: no server involved. */
export function downloadText(
  text: string,
  filename: string,
  type = 'text/csv;charset=utf-8',
): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.click()
  // Revoke after the click has been handled; revoking at once can cancel the download.
  setTimeout(() => {
    URL.revokeObjectURL(url)
  }, 0)
}

/** A file name made from scenario names: lower case, dashes, at most 80 characters. */
export function fileNameFor(names: readonly string[]): string {
  const slug = (s: string) =>
    s
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
  const joined = names
    .map(slug)
    .filter(Boolean)
    .join('_')
    .slice(0, 80)
    .replace(/[-_]+$/, '')
  return `${joined || 'scenarios'}.csv`
}
