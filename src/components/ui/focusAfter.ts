/**
 * The focused element when it comes after `element` in the page (not inside it): content
 * above it that changes height moves it. Null when nothing but the page itself has focus.
 */
export function focusedAfter(element: Element): Element | null {
  const focused = document.activeElement
  if (!focused || focused === document.body || element.contains(focused)) return null
  return element.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING
    ? focused
    : null
}

/** True when a box from `top` to `bottom` (viewport coordinates) shows at least in part. */
export function onScreen(top: number, bottom: number): boolean {
  return bottom > 0 && top < window.innerHeight
}
