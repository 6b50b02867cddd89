/**
 * Longest name drawn whole. A file can hold a name of megabytes: drawn in every list it
 * blocked the page for seconds. The name itself is kept whole in the worksheet.
 */
export const TITLE_MAX = 120

/** `text` cut to `max` characters with an ellipsis, never splitting a surrogate pair. */
export function shortened(text: string, max: number = TITLE_MAX): string {
  if (text.length <= max) return text
  let cut = max - 1
  const code = text.charCodeAt(cut - 1)
  if (code >= 0xd800 && code <= 0xdbff) cut--
  return `${text.slice(0, cut)}…`
}

/** What a scenario is called on screen: its name (shortened), or "Untitled scenario" when it has none. */
export function scenarioTitle(name: string): string {
  return shortened(name.trim()) || 'Untitled scenario'
}

/** What a stage is called on screen: its name, or its position ("Stage 2") when it has none. */
export function stageTitle(name: string, index: number): string {
  return name.trim() || `Stage ${index + 1}`
}
