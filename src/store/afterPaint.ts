import { startTransition, useEffect, useState } from 'react'

/**
 * `value` once the frame that shows the change has been painted, as an interruptible
 * (transition) render. For what is derived from the worksheet but not shown beside the field
 * being typed in: the compare table, a list of scenarios.
 *
 * `useDeferredValue` did not guarantee that order: React queues its deferred render as a task
 * right after the keystroke's own render, and Chromium often ran that task before the frame,
 * so a keystroke's paint waited 5-15 ms for a table off screen (bench/profile-typing.mjs,
 * MODE=frames). A task queued from requestAnimationFrame runs after that frame's paint.
 */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value)
  useEffect(() => {
    if (Object.is(shown, value)) return
    let task: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => {
      task = setTimeout(() => {
        startTransition(() => {
          setShown(() => value)
        })
      }, 0)
    })
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(task)
    }
  }, [shown, value])
  return shown
}
