import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, expect, it, vi } from 'vitest'
import { UpdatePrompt } from '../../src/app/UpdatePrompt'
import { offerUpdate, TAKEOVER_WAIT_MS } from '../../src/app/updateReady'

afterEach(() => {
  vi.useRealTimers()
})

it('Reload asks the new version to take over, and reloads anyway if it has not in time', () => {
  vi.useFakeTimers()
  const takeOver = vi.fn()
  const reload = vi.fn()
  render(<UpdatePrompt />)
  expect(screen.queryByRole('status')).toBeNull()

  act(() => {
    offerUpdate(takeOver, reload)
  })
  expect(screen.getByRole('status')).toHaveTextContent(
    'A new version is ready. Reload to use it; your worksheet is kept.',
  )
  expect(takeOver).not.toHaveBeenCalled()

  fireEvent.click(screen.getByRole('button', { name: 'Reload' }))
  expect(takeOver).toHaveBeenCalledTimes(1)
  // Taking over reloads the page by itself; the fallback waits for it first.
  act(() => {
    vi.advanceTimersByTime(TAKEOVER_WAIT_MS - 1)
  })
  expect(reload).not.toHaveBeenCalled()
  act(() => {
    vi.advanceTimersByTime(1)
  })
  expect(reload).toHaveBeenCalledTimes(1)
})
