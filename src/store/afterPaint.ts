import { startTransition, useEffect, useState } from 'react'
import type { WorksheetState } from './state'
import { useWorksheet } from './worksheet'

/**
 * Every follower waiting for the frame after a change. One frame callback and one task serve
 * them all: a callback each ran inside the keystroke's own frame, before its paint.
 */
const waiting = new Set<() => void>()
let frame = 0
let task: ReturnType<typeof setTimeout> | undefined
/** Mounted followers; with none left, nothing scheduled may outlive them. */
let followers = 0

function followAll() {
  task = undefined
  const follows = [...waiting]
  waiting.clear()
  // Each follower renders in a transition of its own making (see `follow`).
  for (const follow of follows) follow()
}

function afterNextPaint(follow: () => void) {
  waiting.add(follow)
  if (frame !== 0 || task !== undefined) return
  frame = requestAnimationFrame(() => {
    frame = 0
    // A task queued from requestAnimationFrame runs after that frame's paint.
    task = setTimeout(followAll, 0)
  })
}

/**
 * What `select` picks from the worksheet, once the frame that shows a change has been painted,
 * as an interruptible (transition) render. For what is derived from the worksheet but not shown
 * beside the field being typed in: the compare table, a list of scenarios to pick from.
 *
 * Not `useDeferredValue` over a store selector: a store subscription re-renders the component
 * within the keystroke's own render, and React queued the deferred render as a task that
 * Chromium often ran before the frame, so the keystroke's paint waited 5-15 ms for a table off
 * screen (bench/profile-typing.mjs, MODE=frames). Here the component does not render for the
 * keystroke at all; it follows in a task queued from requestAnimationFrame, after the paint.
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
    const follow = () => {
      const next = select(useWorksheet.getState())
      if (equal(picked, next)) return
      startTransition(() => {
        setPicked(() => next)
      })
    }
    // A change since the last render (before this effect subscribed) is picked up here.
    follow()
    const unsubscribe = useWorksheet.subscribe(() => {
      afterNextPaint(follow)
    })
    followers++
    return () => {
      unsubscribe()
      waiting.delete(follow)
      if (--followers > 0) return
      cancelAnimationFrame(frame)
      clearTimeout(task)
      frame = 0
      task = undefined
    }
  }, [select, equal, picked])
  return picked
}
