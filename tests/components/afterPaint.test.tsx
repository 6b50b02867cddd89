import { act, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { useWorksheetAfterPaint } from '../../src/store/afterPaint'
import { useWorksheet } from '../../src/store/worksheet'
import type { WorksheetState } from '../../src/store/worksheet'

const jobs = (s: WorksheetState) => s.scenarios[0]?.jobsPerMonth
let renders = 0

function Trailing() {
  renders++
  const now = useWorksheet(jobs)
  const shown = useWorksheetAfterPaint(jobs)
  return (
    <p>
      now {now}, shown {shown}
    </p>
  )
}

function Behind() {
  renders++
  return <p>shown {useWorksheetAfterPaint(jobs)}</p>
}

const frame = () =>
  new Promise<void>((resolve) => {
    requestAnimationFrame(() => {
      resolve()
    })
  })

const type = (text: string) => {
  act(() => {
    useWorksheet.getState().typeScenarioNumber('jobsPerMonth', text)
  })
}

describe('useWorksheetAfterPaint', () => {
  it('shows a change only after the frame that paints it, then catches up', async () => {
    type('12')
    render(<Trailing />)
    expect(screen.getByText('now 12, shown 12')).toBeInTheDocument()

    type('123')
    // The render that paints the keystroke still holds the old value.
    expect(screen.getByText('now 123, shown 12')).toBeInTheDocument()
    await frame()
    expect(screen.getByText('now 123, shown 12')).toBeInTheDocument()
    expect(await screen.findByText('now 123, shown 123')).toBeInTheDocument()
  })

  it('does not render for the keystroke at all, and lands on the latest of several', async () => {
    type('5')
    render(<Behind />)
    await screen.findByText('shown 5')
    renders = 0
    type('50')
    type('500')
    expect(renders).toBe(0)
    expect(await screen.findByText('shown 500')).toBeInTheDocument()
    expect(renders).toBe(1)
  })

  it('several followers wait on one frame callback, and each catches up', async () => {
    type('7')
    render(
      <>
        <Behind />
        <Behind />
        <Behind />
      </>,
    )
    expect(await screen.findAllByText('shown 7')).toHaveLength(3)
    const frames = vi.spyOn(window, 'requestAnimationFrame')
    try {
      type('70')
      type('700')
      expect(frames).toHaveBeenCalledTimes(1)
      expect(await screen.findAllByText('shown 700')).toHaveLength(3)
    } finally {
      frames.mockRestore()
    }
  })
})
