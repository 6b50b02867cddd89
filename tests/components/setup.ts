import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterEach, beforeEach } from 'vitest'
import { useWorksheet } from '../../src/store/worksheet'

// findBy* waits 1 s by default; a CSV read in jsdom on a loaded 2-core CI machine can take
// longer than that, which made these tests fail on load rather than on behaviour.
configure({ asyncUtilTimeout: 5_000 })

beforeEach(() => {
  useWorksheet.setState(useWorksheet.getInitialState(), true)
  // Saves wait for typing to pause: write the reset now, then start from empty
  // storage, so no save from one test lands in the next.
  useWorksheet.flushSaves()
  localStorage.clear()
})

afterEach(() => {
  cleanup()
})

// jsdom has <dialog> but not its modal API. Opening it is all the components
// need here; focus trapping and the backdrop are checked in real Chromium (tests/e2e).
if (typeof HTMLDialogElement.prototype.showModal !== 'function') {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '')
  }
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open')
  }
}
