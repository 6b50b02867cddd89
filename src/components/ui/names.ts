/** What a scenario is called on screen: its name (shortened), or "Untitled scenario" when it has none. */
export function scenarioTitle(name: string): string {
  return shortName(name.trim()) || 'Untitled scenario'
}

/** What a stage is called on screen: its name, or its position ("Stage 2") when it has none. */
export function stageTitle(name: string, index: number): string {
  return name.trim() || `Stage ${index + 1}`
}

/**
 * At most this many characters of a name are drawn. A name from a file can
 * be any length (10,000 characters, or megabytes); laying all of it out
 * widened columns off screen and cost seconds of layout.
 */
export const NAME_SHOWN_MAX = 80

/**
 * `name` cut to `max` characters with an ellipsis, never splitting a
 * surrogate pair (an emoji cut in half would draw as a replacement box).
 * @example shortName('Thumbnails', 6) // "Thumb…"
 */
export function shortName(name: string, max: number = NAME_SHOWN_MAX): string {
  if (name.length <= max) return name
  let cut = max - 1
  const last = name.charCodeAt(cut - 1)
  if (last >= 0xd800 && last <= 0xdbff) cut--
  return `${name.slice(0, cut)}…`
}
