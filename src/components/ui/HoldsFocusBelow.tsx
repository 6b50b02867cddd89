import { useLayoutEffect, useRef, type ReactNode } from 'react'
import { focusedAfter, onScreen } from './focusAfter'

/**
 * A region whose height changes late (charts that load after the section around them). When
 * it grows or shrinks, a focused control below it on screen stays where it was. The browser's
 * scroll anchoring does not do this when its anchor is above the change: in Chromium, Tab from
 * the linked usage-log section focused a button that the compare charts then pushed off screen.
 */
export function HoldsFocusBelow({ children }: { children: ReactNode }) {
  const region = useRef<HTMLDivElement>(null)
  useLayoutEffect(() => {
    const element = region.current
    if (!element || typeof ResizeObserver === 'undefined') return
    let height = element.getBoundingClientRect().height
    // Scroll events come a frame late, so a change of scroll position seen while resizing
    // within this frame is the browser's own anchoring adjustment.
    let scrolled = window.scrollY
    const onScroll = () => {
      scrolled = window.scrollY
    }
    const observer = new ResizeObserver(() => {
      const next = element.getBoundingClientRect().height
      const grew = next - height
      height = next
      const focused = grew === 0 ? null : focusedAfter(element)
      if (!focused) return
      const { top, bottom } = focused.getBoundingClientRect()
      const anchored = window.scrollY - scrolled
      const wasOnScreen = onScreen(top - grew + anchored, bottom - grew + anchored)
      if (wasOnScreen && grew !== anchored) window.scrollBy(0, grew - anchored)
      scrolled = window.scrollY
    })
    observer.observe(element)
    window.addEventListener('scroll', onScroll, { passive: true })
    return () => {
      observer.disconnect()
      window.removeEventListener('scroll', onScroll)
    }
  }, [])
  return <div ref={region}>{children}</div>
}
