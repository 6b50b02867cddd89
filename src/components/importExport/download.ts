import { fileSlug } from '../ui/download'

/** A file name made from scenario names: lower case, dashes, at most 80 characters. */
export function fileNameFor(names: readonly string[]): string {
  const joined = names
    .map(fileSlug)
    .filter(Boolean)
    .join('_')
    .slice(0, 80)
    .replace(/[-_]+$/, '')
  return `${joined || 'scenarios'}.csv`
}
