import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { createElement } from 'react'
import { describe, expect, it } from 'vitest'
import { StorageNotice } from '../../src/app/StorageNotice'
import { ScenarioSection } from '../../src/components/worksheet/ScenarioSection'
import { defaultScenario } from '../../src/presets/defaultScenario'
import { presetScenario, USE_CASE_PRESET_IDS } from '../../src/presets/useCases'
import { createWorksheetStore, STORAGE_KEY, useWorksheet } from '../../src/store/worksheet'

const EXAMPLE = 'Draft + final (example)'
const s = () => useWorksheet.getState()
const names = () => s().scenarios.map((d) => d.name)

describe('scenario names stay unique in the worksheet', () => {
  it('numbers an added, duplicated or preset scenario whose name is taken', () => {
    s().addScenario(defaultScenario())
    expect(names()).toEqual([EXAMPLE, `${EXAMPLE} (2)`])
    s().duplicateScenario(s().scenarios[0]!.id)
    expect(names()).toEqual([EXAMPLE, `${EXAMPLE} (3)`, `${EXAMPLE} (2)`])
    // A copy of a numbered name counts on from its number.
    s().duplicateScenario(s().scenarios[2]!.id)
    expect(names()).toEqual([EXAMPLE, `${EXAMPLE} (3)`, `${EXAMPLE} (2)`, `${EXAMPLE} (4)`])
  })

  it('numbers imported scenarios against the worksheet when added, and among themselves', () => {
    s().importScenarios([defaultScenario(), { ...defaultScenario(), name: 'Other' }], 'add')
    expect(names()).toEqual([EXAMPLE, `${EXAMPLE} (2)`, 'Other'])
    s().importScenarios([defaultScenario(), defaultScenario()], 'replace')
    expect(names()).toEqual([EXAMPLE, `${EXAMPLE} (2)`])
    // Adding is one undo step, names and all.
    s().undo()
    expect(names()).toEqual([EXAMPLE, `${EXAMPLE} (2)`, 'Other'])
  })

  it('numbers a preset that "Compare all presets" adds when its name is taken', () => {
    const first = presetScenario(USE_CASE_PRESET_IDS[0])
    // A scenario of the person's own that happens to carry the preset's name.
    s().addScenario(first)
    s().compareAllPresets()
    expect(names().filter((n) => n.startsWith(first.name))).toEqual([
      first.name,
      `${first.name} (2)`,
    ])
    expect(new Set(names()).size).toBe(names().length)
  })
})

describe('the "Scenario name" field', () => {
  it('keeps a taken name it was given, says why, and applies the name once it is unique', async () => {
    const user = userEvent.setup()
    s().addScenario({ ...defaultScenario(), name: 'Ads' })
    render(createElement(ScenarioSection))
    const field = screen.getByLabelText('Scenario name')
    expect(field).toHaveValue('Ads')
    await user.clear(field)
    await user.type(field, EXAMPLE)
    expect(field).toHaveValue(EXAMPLE)
    expect(field).toHaveAttribute('aria-invalid', 'true')
    expect(field).toHaveAccessibleDescription(
      `Another scenario is already named "${EXAMPLE}"; names must be unique, so this one is not renamed yet. Try "${EXAMPLE} (2)".`,
    )
    // The last name that was free is the scenario's until then.
    expect(names()).toEqual([EXAMPLE, EXAMPLE.slice(0, -1)])
    await user.type(field, ' B')
    expect(field).not.toHaveAttribute('aria-invalid')
    expect(names()).toEqual([EXAMPLE, `${EXAMPLE} B`])
  })

  it('asks for a name when it is emptied, and keeps the old one meanwhile', async () => {
    const user = userEvent.setup()
    render(createElement(ScenarioSection))
    const field = screen.getByLabelText('Scenario name')
    await user.clear(field)
    expect(field).toHaveValue('')
    expect(field).toHaveAccessibleDescription(
      'Give the scenario a name: names tell scenarios apart in the comparison and in shared files.',
    )
    expect(names()).toEqual([EXAMPLE])
  })
})

describe('a saved worksheet with scenarios that share a name', () => {
  it('is renamed on load and the page says which, without merging anything', () => {
    // jsdom's URL is not a file URL: the fixture is found from the repository root.
    const raw = readFileSync(resolve('tests/fixtures/storage/v2-same-names.json'), 'utf8')
    localStorage.setItem(STORAGE_KEY, raw)
    const store = createWorksheetStore(localStorage, new Date('2026-05-01T09:00:00Z'))
    expect(store.getState().scenarios.map((d) => d.name)).toEqual([
      EXAMPLE,
      `${EXAMPLE} (3)`,
      'Untitled scenario',
      `${EXAMPLE} (2)`,
    ])
    const notice = store.getState().storageNotice
    act(() => {
      useWorksheet.setState({ storageNotice: notice })
    })
    render(createElement(StorageNotice))
    expect(screen.getByRole('alert')).toHaveTextContent(
      `Some saved scenarios shared a name, so they were renamed to keep them apart (nothing was merged): "${EXAMPLE}" is now "${EXAMPLE} (3)"; "" is now "Untitled scenario".`,
    )
    // Reading writes nothing: the saved text stays until the next edit saves the repair.
    expect(localStorage.getItem(STORAGE_KEY)).toBe(raw)
  })
})
