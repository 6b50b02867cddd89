import { expect, test, type Page } from '@playwright/test'
import { WorksheetPage } from './pages/worksheet'

// The sections below the worksheet mount when they near the viewport, are linked to, or the
// page is idle (src/components/ui/LazySection.tsx). Whichever comes first, a person must
// reach each of them by the header links, by an address with its #id and by Tab.

const sections = [
  { link: 'Decision tools', id: 'decisions', heading: 'Decision tools' },
  { link: 'Compare', id: 'compare', heading: 'Compare scenarios' },
  { link: 'Usage log', id: 'usage', heading: 'Calibrate from a usage log' },
] as const

/** Which of these sections holds the focused element, if any. */
function focusedSection(page: Page) {
  const ids = sections.map((s) => s.id)
  return page.evaluate(
    (ids) =>
      ids.find((id) => document.getElementById(id)?.contains(document.activeElement)) ?? null,
    ids,
  )
}

for (const { link, id, heading } of sections) {
  test(`"${link}" in the header, on a fresh load, shows the section and Tab goes into it`, async ({
    page,
  }) => {
    await new WorksheetPage(page).open()
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: link })
      .click()
    await expect(page).toHaveURL(new RegExp(`#${id}$`))
    const h2 = page.getByRole('heading', { level: 2, name: heading })
    await expect(h2).toBeInViewport()
    // The real section, not its placeholder: it has controls, and Tab continues from the link
    // target into them.
    await page.keyboard.press('Tab')
    expect(await focusedSection(page)).toBe(id)
    await expect(page.locator(':focus')).toBeInViewport()
  })

  test(`an address ending in #${id} opens at that section`, async ({ page }) => {
    await page.goto(`/#${id}`)
    const h2 = page.getByRole('heading', { level: 2, name: heading })
    await expect(h2).toBeInViewport()
    await expect(page.locator(`section#${id}`)).toHaveCount(1)
  })
}

test('Tab from the last worksheet field goes on into the decision tools', async ({ page }) => {
  const ws = new WorksheetPage(page)
  await ws.open()
  await ws.field('Prices checked on').focus()
  // The fields after it (the results column, then the first section below) by keyboard only.
  let reached: string | null = null
  for (let i = 0; i < 80 && reached !== 'decisions'; i += 1) {
    await page.keyboard.press('Tab')
    reached = await focusedSection(page)
  }
  expect(reached).toBe('decisions')
  await expect(page.locator(':focus')).toBeInViewport()
})
