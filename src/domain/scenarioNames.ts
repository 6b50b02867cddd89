/**
 * Scenario names are unique within a worksheet: a CSV file (and a share
 * link) tells scenarios apart by name alone, so two scenarios of one name
 * would come back as one holding the stages of both (docs/csv-format.md,
 * "Scenario identity").
 */

/** What a scenario without a name is called when it must get one. */
export const UNTITLED_SCENARIO = 'Untitled scenario'

/** A name this rule numbered: "Ads (2)" to "Ads (999)". "Plan (2026)" is a name, not a number. */
const NUMBERED = /^([\s\S]*) \(([2-9]|[1-9]\d{1,2})\)$/

/**
 * The name itself when it is not taken, else the first free of "Name (2)",
 * "Name (3)"…; a name already numbered counts on from its number, so a copy
 * of "Ads (2)" is "Ads (3)", not "Ads (2) (2)". A blank name becomes
 * "Untitled scenario" first.
 * @example uniqueScenarioName('Ads', new Set(['Ads', 'Ads (2)'])) // 'Ads (3)'
 */
export function uniqueScenarioName(name: string, taken: ReadonlySet<string>): string {
  const wanted = name.trim() === '' ? UNTITLED_SCENARIO : name
  if (!taken.has(wanted)) return wanted
  const numbered = NUMBERED.exec(wanted)
  const base = numbered ? (numbered[1] as string) : wanted
  let n = numbered ? Number(numbered[2]) + 1 : 2
  while (taken.has(`${base} (${String(n)})`)) n++
  return `${base} (${String(n)})`
}

/**
 * Names for `names` in order, each unique among themselves and `taken`: the
 * first scenario holding a name keeps it, later ones are numbered. A name
 * that is itself a later scenario's ("A", "A", "A (2)") is never handed out,
 * so the third keeps "A (2)" and the second becomes "A (3)".
 * @example uniqueScenarioNames(['A', 'A'], new Set()) // ['A', 'A (2)']
 */
export function uniqueScenarioNames(
  names: readonly string[],
  taken: ReadonlySet<string>,
): string[] {
  const used = new Set([...taken, ...names])
  const kept = new Set(taken)
  return names.map((name) => {
    if (!kept.has(name) && name.trim() !== '') {
      kept.add(name)
      return name
    }
    const unique = uniqueScenarioName(name, used)
    used.add(unique)
    kept.add(unique)
    return unique
  })
}

/**
 * Why `name` cannot be given to a scenario whose fellow scenarios are named
 * `others`, in a sentence that says what is allowed; null when it can.
 * @example scenarioNameProblem('Ads', new Set(['Ads'])) // 'Another scenario is already named "Ads"…'
 */
export function scenarioNameProblem(name: string, others: ReadonlySet<string>): string | null {
  if (name.trim() === '') {
    return 'Give the scenario a name: names tell scenarios apart in the comparison and in shared files.'
  }
  if (!others.has(name)) return null
  return `Another scenario is already named "${name}"; names must be unique, so this one is not renamed yet. Try "${uniqueScenarioName(name, others)}".`
}
