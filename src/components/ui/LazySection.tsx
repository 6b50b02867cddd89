import {
  startTransition,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ComponentType,
} from 'react'
import { flushSync } from 'react-dom'
import { focusedAfter, onScreen } from './focusAfter'
import './LazySection.css'

type Load = () => Promise<ComponentType>

/** Sections not mounted yet, by the id their section carries: how to load and mount each. */
const pending = new Map<string, () => Promise<void>>()

/** The id an in-page link points to, if it is a section still waiting to mount. */
function pendingTarget(e: MouseEvent): string | undefined {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)
    return undefined
  const link = e.target instanceof Element ? e.target.closest('a[href^="#"]') : null
  const id = link?.getAttribute('href')?.slice(1)
  return id && pending.has(id) ? id : undefined
}

/**
 * The section a link (or the address the page was opened at) went to. Sections that mount
 * above it afterwards would push it out of view, so until the person scrolls, types or
 * clicks again, it is brought back into view after each mount.
 */
let keepInView = ''
const holdEnders = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const
function holdInView(id: string) {
  keepInView = id
  const stop = () => {
    keepInView = ''
    for (const type of holdEnders) window.removeEventListener(type, stop, { capture: true })
  }
  for (const type of holdEnders) window.addEventListener(type, stop, { capture: true })
}
const openedAt = decodeURIComponent(window.location.hash.slice(1))
if (openedAt !== '') holdInView(openedAt)

let listening = false
/**
 * One document listener for every lazy section. A link to a section not mounted yet would
 * scroll to its placeholder, which is then replaced, losing the place Tab continues from;
 * instead the section is loaded and mounted first, and the browser's own fragment
 * navigation (scroll, Tab starting point, history entry) then finds the real section.
 */
function listenOnce() {
  if (listening) return
  listening = true
  document.addEventListener('click', (e) => {
    const id = pendingTarget(e)
    const mount = id ? pending.get(id) : undefined
    if (!id || !mount) return
    e.preventDefault()
    void mount().then(() => {
      if (window.location.hash === `#${id}`) document.getElementById(id)?.scrollIntoView()
      else window.location.hash = id
      holdInView(id)
    })
  })
}

const IDLE_TIMEOUT_MS = 2_000
const interaction = ['keydown', 'pointerdown', 'wheel', 'touchstart', 'scroll'] as const

/**
 * Runs `run` when the browser is idle after the person's first key, tap, click or scroll;
 * returns a cancel. Not on load: the sections' first render is seconds of work on a phone,
 * and a page that mounts them unasked is not interactive until it is done. Once the person
 * acts (Tab, Ctrl+F, Ctrl+P, a scroll), every section is there for them soon after.
 */
function afterFirstInteractionWhenIdle(run: () => void): () => void {
  let idleHandle: number | undefined
  const start = () => {
    stopListening()
    idleHandle =
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS })
        : // Safari has no requestIdleCallback.
          window.setTimeout(run, 200)
  }
  const stopListening = () => {
    for (const type of interaction) window.removeEventListener(type, start, { capture: true })
  }
  for (const type of interaction)
    window.addEventListener(type, start, { capture: true, passive: true })
  return () => {
    stopListening()
    if (idleHandle === undefined) return
    if (typeof cancelIdleCallback === 'function') cancelIdleCallback(idleHandle)
    else clearTimeout(idleHandle)
  }
}

interface Anchor {
  element: Element
  /** Its distance from the viewport's top just before the section above it mounted. */
  top: number
}

/**
 * The focused control, when it is on screen below the placeholder about to be replaced. A
 * section mounting above it is taller or shorter than its placeholder, and the browser's
 * scroll anchoring does not always hold the focused control in place (it did not in
 * Chromium when Tab from a linked section started the idle mounts above it): the person would
 * be left typing into a control pushed off screen.
 */
function focusedBelow(placeholder: Element | null): Anchor | null {
  const element = placeholder && focusedAfter(placeholder)
  if (!element) return null
  const { top, bottom } = element.getBoundingClientRect()
  return onScreen(top, bottom) ? { element, top } : null
}

interface LazySectionProps {
  /** The id of the section the component renders: header links point to it. */
  id: string
  /** The section's heading, shown in the placeholder so the page reads the same before mounting. */
  title: string
  /** The placeholder's height, near the section's own, so mounting moves little around it. */
  minHeight: string
  /** Imports the section's code: it stays out of the first paint's JavaScript. */
  load: Load
}

/**
 * Loads and renders a section only when it nears the viewport or is linked to. The sections
 * below the worksheet were most of the first render's work (Lighthouse's total blocking
 * time), and a visit starts at the worksheet; mounting them on approach keeps the first
 * screen quick without hiding anything: the placeholder carries the section's id and heading,
 * so a link or a reload at #usage lands on it and the section mounts there.
 */
export function LazySection({ id, title, minHeight, load }: LazySectionProps) {
  const [Section, setSection] = useState<ComponentType | null>(null)
  const placeholder = useRef<HTMLDivElement>(null)
  const anchor = useRef<Anchor | null>(null)

  useEffect(() => {
    if (Section) return
    let cancelled = false
    let loading: Promise<ComponentType> | undefined
    // urgent: a link waits on this and needs the section in the DOM before it navigates.
    // Otherwise a transition: React renders the section in short slices, so mounting it
    // never blocks a keystroke or a tap for long.
    const mount = (urgent: boolean) =>
      (loading ??= load()).then((component) => {
        if (cancelled) return
        const show = () => {
          anchor.current = focusedBelow(placeholder.current)
          setSection(() => component)
        }
        if (urgent) flushSync(show)
        else startTransition(show)
      })
    // jsdom and old browsers: no observer, so mount at once.
    if (typeof IntersectionObserver === 'undefined') {
      void mount(false)
      return
    }
    listenOnce()
    pending.set(id, () => mount(true))
    if (openedAt === id) void mount(true)
    // A generous margin below: by the time the section scrolls into view it has painted.
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) void mount(false)
      },
      { rootMargin: '25% 0px 75% 0px' },
    )
    if (placeholder.current) observer.observe(placeholder.current)
    const idle = afterFirstInteractionWhenIdle(() => void mount(false))
    return () => {
      cancelled = true
      idle()
      observer.disconnect()
      pending.delete(id)
    }
  }, [Section, id, load])

  useLayoutEffect(() => {
    if (!Section) return
    const held = keepInView ? document.getElementById(keepInView) : null
    if (held && !held.classList.contains('lazy-section')) {
      held.scrollIntoView()
      return
    }
    // Before paint, so the focused control never visibly jumps.
    const kept = anchor.current
    anchor.current = null
    if (kept) window.scrollBy(0, kept.element.getBoundingClientRect().top - kept.top)
  }, [Section])

  if (Section) return <Section />
  return (
    <div ref={placeholder} id={id} className="lazy-section" style={{ minHeight }}>
      <h2>{title}</h2>
      <p className="card muted">Loading…</p>
    </div>
  )
}
