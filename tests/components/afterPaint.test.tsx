import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useAfterPaint } from '../../src/store/afterPaint'

function Trailing({ value }: { value: string }) {
  const shown = useAfterPaint(value)
  return (
    <p>
      now {value}, shown {shown}
    </p>
  )
}

const frame = () =>
  new Promise<void>((resolve) => {
    requestAnimationFrame(() => {
      resolve()
    })
  })

describe('useAfterPaint', () => {
  it('shows a change only after the frame that paints it, then catches up', async () => {
    const { rerender } = render(<Trailing value="1" />)
    expect(screen.getByText('now 1, shown 1')).toBeInTheDocument()

    rerender(<Trailing value="12" />)
    // The render that paints the keystroke still holds the old value.
    expect(screen.getByText('now 12, shown 1')).toBeInTheDocument()
    await frame()
    expect(screen.getByText('now 12, shown 1')).toBeInTheDocument()
    expect(await screen.findByText('now 12, shown 12')).toBeInTheDocument()
  })

  it('skips values passed over before a frame, landing on the latest', async () => {
    const { rerender } = render(<Trailing value="1" />)
    rerender(<Trailing value="12" />)
    rerender(<Trailing value="123" />)
    expect(await screen.findByText('now 123, shown 123')).toBeInTheDocument()
  })
})
