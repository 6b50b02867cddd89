import { useEffect, useState } from 'react'

/**
 * The value once it has stopped changing for `delayMs`. Charts take longer to
 * draw than a keystroke takes to type; redrawing them on every keystroke made
 * typing lag by several frames (npm run bench), so they follow once typing pauses.
 */
export function useSettledValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => {
      setSettled(value)
    }, delayMs)
    return () => {
      clearTimeout(timer)
    }
  }, [value, delayMs])
  return settled
}
