import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ErrorBoundary } from '../../src/app/ErrorBoundary'
import { STORAGE_KEY } from '../../src/store/worksheet'

const SAVED = '{"state":{"scenarios":"saved data that crashes the page"},"version":1}'

/** A section that crashes on what is saved, as a bug reading saved data would. */
function CrashesOnSavedData() {
  if (localStorage.getItem(STORAGE_KEY) !== null) throw new Error('Cannot read the saved model')
  return <p>The worksheet</p>
}

describe('the crash screen', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('keeps the saved data aside and starts fresh, so the next load does not crash again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    localStorage.setItem(STORAGE_KEY, SAVED)
    const reload = vi.fn()
    const user = userEvent.setup()
    const first = render(
      <ErrorBoundary reload={reload}>
        <CrashesOnSavedData />
      </ErrorBoundary>,
    )
    expect(screen.getByRole('alert')).toHaveTextContent('Cannot read the saved model')

    await user.click(
      screen.getByRole('button', { name: 'Keep my saved data aside and start fresh' }),
    )
    expect(reload).toHaveBeenCalledOnce()
    expect(localStorage.getItem(STORAGE_KEY)).toBeNull()
    const kept = Object.keys(localStorage).filter((k) => k.startsWith(`${STORAGE_KEY}:kept-aside:`))
    expect(kept.map((k) => localStorage.getItem(k))).toEqual([SAVED])

    // The reload: the page comes up.
    first.unmount()
    render(
      <ErrorBoundary reload={reload}>
        <CrashesOnSavedData />
      </ErrorBoundary>,
    )
    expect(screen.getByText('The worksheet')).toBeInTheDocument()
  })
})
