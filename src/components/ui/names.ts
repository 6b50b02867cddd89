/** What a scenario is called on screen: its name, or "Untitled scenario" when it has none. */
export function scenarioTitle(name: string): string {
  return name.trim() || 'Untitled scenario'
}

/** What a stage is called on screen: its name, or its position ("Stage 2") when it has none. */
export function stageTitle(name: string, index: number): string {
  return name.trim() || `Stage ${index + 1}`
}
