import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach, beforeEach } from 'vitest'
import { useWorksheet } from '../../src/store/worksheet'

beforeEach(() => {
  localStorage.clear()
  useWorksheet.setState(useWorksheet.getInitialState(), true)
})

afterEach(() => {
  cleanup()
})
