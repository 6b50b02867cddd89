/**
 * Hands text to the browser as a file download: no server involved. Named
 * arguments, because two strings in a row were once passed in both orders.
 */
export function downloadText({
  fileName,
  text,
  type = 'text/csv;charset=utf-8',
}: {
  fileName: string
  text: string
  type?: string
}): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  // In the document while clicked: some browsers ignore a click on a detached link.
  document.body.append(a)
  a.click()
  a.remove()
  // Revoke after the click has been handled; revoking at once can cancel the download.
  setTimeout(() => {
    URL.revokeObjectURL(url)
  }, 0)
}

/** A name as part of a file name: lower-case letters and digits joined by dashes ("" when none). */
export function fileSlug(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}
