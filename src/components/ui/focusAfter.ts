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
