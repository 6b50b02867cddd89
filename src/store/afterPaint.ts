import { startTransition, useEffect, useState } from 'react'
import type { WorksheetState } from './state'
import { useWorksheet } from './worksheet'

/**
 * What `select` picks from the worksheet, once the frame that shows a change has been painted,
 * as an interruptible (transition) render. For what is derived from the worksheet but not shown
 * beside the field being typed in: the compare table, a list of scenarios to pick from.
 *
 * Not `useDeferredValue` over a store selector: a store subscription re-renders the component
 * within the keystroke's own render, and React queued the deferred render as a task that
 * Chromium often ran before the frame, so the keystroke's paint waited 5-15 ms for a table off
 * screen (bench/profile-typing.mjs, MODE=frames). Here the component does not render for the
 * keystroke at all; a task queued from requestAnimationFrame runs after that frame's paint.
 *
 * `select` must keep its identity (a module-level function); `equal` says when two picks are
 * the same, so an unrelated change does not render the component again.
 */
export function useWorksheetAfterPaint<T>(
  select: (state: WorksheetState) => T,
  equal: (a: T, b: T) => boolean = Object.is,
): T {
  const [picked, setPicked] = useState(() => select(useWorksheet.getState()))
  useEffect(() => {
    let frame = 0
    let task: ReturnType<typeof setTimeout> | undefined
    const follow = () => {
      frame = 0
      const next = select(useWorksheet.getState())
      if (equal(picked, next)) return
      startTransition(() => {
        setPicked(() => next)
      })
    }
    // A change since the last render (before this effect subscribed) is picked up here.
    follow()
    const unsubscribe = useWorksheet.subscribe(() => {
      if (frame !== 0) return
      frame = requestAnimationFrame(() => {
        task = setTimeout(follow, 0)
      })
    })
    return () => {
      unsubscribe()
      cancelAnimationFrame(frame)
      clearTimeout(task)
    }
  }, [select, equal, picked])
  return picked
}
