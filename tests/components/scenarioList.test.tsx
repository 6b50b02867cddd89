import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { CompareSection } from '../../src/components/compare/CompareSection'
import { ScenarioBar } from '../../src/components/scenarios/ScenarioBar'
import { ScenarioSection } from '../../src/components/worksheet/ScenarioSection'
import { defaultScenario } from '../../src/presets/defaultScenario'
import { useWorksheet } from '../../src/store/worksheet'

/** The example scenario `count` times, named "Plan 1" to "Plan <count>", added as an import does. */
function seed(count: number) {
  const plans = Array.from({ length: count }, (_, i) => ({
    ...defaultScenario(),
    name: `Plan ${String(i + 1)}`,
  }))
  useWorksheet.getState().importScenarios(plans, 'replace')
}

const nav = () => screen.getByRole('navigation', { name: 'Scenarios' })
const tabs = () =>
  within(nav())
    .queryAllByRole('listitem')
    .map((li) => li.textContent)

describe('a long scenario list', () => {
  it('draws a short list whole, with nothing to find or page', () => {
    seed(20)
    render(<ScenarioBar />)
    expect(tabs()).toHaveLength(20)
    expect(within(nav()).queryByLabelText('Find a scenario')).not.toBeInTheDocument()
  })

  it('draws a page of 20, follows the edited scenario, and pages by button', async () => {
    const user = userEvent.setup()
    seed(45)
    render(<ScenarioBar />)
    // The import makes its first scenario the one being edited: page one.
    expect(tabs()).toEqual(Array.from({ length: 20 }, (_, i) => `Plan ${String(i + 1)}`))
    expect(within(nav()).getByRole('status')).toHaveTextContent('1–20 of 45')
    expect(within(nav()).getByRole('button', { name: 'Previous scenarios' })).toBeDisabled()
    await user.click(within(nav()).getByRole('button', { name: 'Next scenarios' }))
    await user.click(within(nav()).getByRole('button', { name: 'Next scenarios' }))
    expect(tabs()).toEqual(['Plan 41', 'Plan 42', 'Plan 43', 'Plan 44', 'Plan 45'])
    expect(within(nav()).getByRole('status')).toHaveTextContent('41–45 of 45')
    expect(within(nav()).getByRole('button', { name: 'Next scenarios' })).toBeDisabled()
    await user.click(within(nav()).getByRole('button', { name: 'Plan 44' }))
    expect(within(nav()).getByRole('button', { name: 'Plan 44' })).toHaveAttribute(
      'aria-current',
      'true',
    )
    // Moving the edited scenario across a page boundary takes the list with it.
    useWorksheet.getState().selectScenario(useWorksheet.getState().scenarios[4]!.id)
    expect(await within(nav()).findByRole('button', { name: 'Plan 5' })).toHaveAttribute(
      'aria-current',
      'true',
    )
    expect(tabs()[0]).toBe('Plan 1')
  })

  it('finds scenarios by part of their name, any case, and Enter picks the first match', async () => {
    const user = userEvent.setup()
    seed(45)
    render(<ScenarioBar />)
    const find = within(nav()).getByLabelText('Find a scenario')
    await user.type(find, 'plan 3')
    expect(tabs()).toEqual([
      'Plan 3',
      'Plan 30',
      'Plan 31',
      'Plan 32',
      'Plan 33',
      'Plan 34',
      'Plan 35',
      'Plan 36',
      'Plan 37',
      'Plan 38',
      'Plan 39',
    ])
    expect(within(nav()).getByRole('status')).toHaveTextContent('1–11 of 11')
    await user.type(find, '8{Enter}')
    expect(tabs()).toEqual(['Plan 38'])
    expect(within(nav()).getByRole('button', { name: 'Plan 38' })).toHaveAttribute(
      'aria-current',
      'true',
    )
    expect(useWorksheet.getState().activeId).toBe(useWorksheet.getState().scenarios[37]!.id)
    await user.clear(find)
    await user.type(find, 'Plan 99')
    expect(tabs()).toEqual([])
    expect(within(nav()).getByRole('status')).toHaveTextContent('No scenario name contains that.')
  })

  it('shortens a very long name on screen and keeps it whole in the worksheet', () => {
    const name = `${'x'.repeat(100_000)} end`
    useWorksheet.getState().importScenarios([{ ...defaultScenario(), name }], 'replace')
    render(<ScenarioBar />)
    const [tab] = tabs()
    // 80 characters drawn (NAME_SHOWN_MAX): 79 of the name and the ellipsis.
    expect(tab).toHaveLength(80)
    expect(tab).toBe(`${'x'.repeat(79)}…`)
    expect(useWorksheet.getState().scenarios[0]!.name).toBe(name)
  })

  it('pages the comparison checkboxes too, and ticking still respects the cap', async () => {
    const user = userEvent.setup()
    seed(30)
    render(<CompareSection />)
    const group = screen.getByRole('group', { name: 'Scenarios in the comparison' })
    expect(within(group).getAllByRole('checkbox')).toHaveLength(20)
    await user.type(within(group).getByLabelText('Find a scenario to compare'), 'Plan 2')
    // Plan 2 and Plan 20 to Plan 29: the first 12 of the worksheet are compared by default.
    const boxes = within(group).getAllByRole('checkbox')
    expect(boxes).toHaveLength(11)
    expect(within(group).getByRole('checkbox', { name: 'Plan 2' })).toBeChecked()
    expect(within(group).getByRole('checkbox', { name: 'Plan 25' })).not.toBeChecked()
    await user.click(within(group).getByRole('checkbox', { name: 'Plan 25' }))
    expect(within(group).getByRole('checkbox', { name: 'Plan 25' })).not.toBeChecked()
    expect(within(group).getByRole('alert')).toHaveTextContent('12 scenarios are compared already')
    await user.click(within(group).getByRole('checkbox', { name: 'Plan 2' }))
    await user.click(within(group).getByRole('checkbox', { name: 'Plan 25' }))
    expect(within(group).getByRole('checkbox', { name: 'Plan 25' })).toBeChecked()
  })
})

describe('the lists of names', () => {
  it('follow a rename in the tabs and the compare checkboxes, and keep their place while a number is typed', async () => {
    const user = userEvent.setup()
    seed(3)
    render(
      <>
        <ScenarioBar />
        <ScenarioSection />
        <CompareSection />
      </>,
    )
    const compare = () => screen.getByRole('group', { name: 'Scenarios in the comparison' })
    const name = screen.getByLabelText('Scenario name')
    await user.clear(name)
    await user.type(name, 'Launch week')
    expect(tabs()).toEqual(['Launch week', 'Plan 2', 'Plan 3'])
    expect(within(compare()).getByRole('checkbox', { name: 'Launch week' })).toBeChecked()

    const jobs = screen.getByLabelText('Jobs per month', { exact: true })
    await user.clear(jobs)
    await user.type(jobs, '75')
    expect(tabs()).toEqual(['Launch week', 'Plan 2', 'Plan 3'])
    expect(within(nav()).getByRole('button', { name: 'Launch week' })).toHaveAttribute(
      'aria-current',
      'true',
    )
    expect(useWorksheet.getState().scenarios[0]?.jobsPerMonth).toBe(75)
  })
})
