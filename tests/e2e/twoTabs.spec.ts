import { expect, test } from '@playwright/test'
import type { BrowserContext, Page } from '@playwright/test'
import { WorksheetPage } from './pages/worksheet'

/** What closing or hiding a tab does: its pending save is written now. */
const saveNow = (ws: WorksheetPage) =>
  ws.page.evaluate(() => {
    window.dispatchEvent(new Event('pagehide'))
  })

/**
 * Stops this tab's timers, so an edit typed into it stays unsaved (saves wait
 * for typing to pause) until the test hides the page: the clash is set up
 * without racing the 400 ms pause on a busy machine.
 */
async function holdSaves(page: Page) {
  await page.clock.install()
  await page.clock.pauseAt(Date.now() + 60_000)
}

/** Two tabs of one browser on the worksheet: they share its local storage. */
async function twoTabs(context: BrowserContext) {
  const a = new WorksheetPage(await context.newPage())
  const b = new WorksheetPage(await context.newPage())
  await a.open()
  await b.open()
  return { a, b }
}

const clashIn = (ws: WorksheetPage) =>
  ws.page.getByRole('alert').filter({ hasText: 'changed in another tab' })

test('a change saved in one tab shows in the other, both ways, and neither loses anything', async ({
  context,
}) => {
  const { a, b } = await twoTabs(context)

  await a.fill(a.field('Scenario name'), 'Renamed in A')
  await saveNow(a)
  await expect(b.field('Scenario name')).toHaveValue('Renamed in A')

  await b.fill(b.field('Jobs per month'), '777')
  await saveNow(b)
  await expect(a.field('Jobs per month')).toHaveValue('777')
  await expect(a.field('Scenario name')).toHaveValue('Renamed in A')
  await expect(b.field('Scenario name')).toHaveValue('Renamed in A')

  // Nothing was asked, nothing was lost: a reload reads both changes back.
  await expect(clashIn(a)).toHaveCount(0)
  await expect(clashIn(b)).toHaveCount(0)
  await a.page.reload()
  await expect(a.field('Scenario name')).toHaveValue('Renamed in A')
  await expect(a.field('Jobs per month')).toHaveValue('777')
})

test('when both tabs have unsaved edits, the later tab asks; Keep mine keeps its own, theirs one Undo away', async ({
  context,
}) => {
  const { a, b } = await twoTabs(context)
  await holdSaves(b.page)

  await b.fill(b.field('Jobs per month'), '777')
  await a.fill(a.field('Scenario name'), 'Renamed in A')
  await saveNow(a)

  const clash = clashIn(b)
  await expect(clash).toContainText('This worksheet was changed in another tab')
  await expect(clashIn(a)).toHaveCount(0)
  // B still shows its own work while it asks.
  await expect(b.field('Jobs per month')).toHaveValue('777')
  await expect(b.field('Scenario name')).toHaveValue('Draft + final (example)')

  await clash.getByRole('button', { name: 'Keep mine' }).click()
  await expect(clash).toBeHidden()
  // B's worksheet was saved, and A (which had nothing unsaved) took it.
  await expect(a.field('Jobs per month')).toHaveValue('777')
  await expect(a.field('Scenario name')).toHaveValue('Draft + final (example)')

  // A's rename was not lost: Undo in B brings it back, and it reaches A too.
  await b.page.getByRole('button', { name: 'Undo' }).click()
  await expect(b.field('Scenario name')).toHaveValue('Renamed in A')
  await saveNow(b)
  await expect(a.field('Scenario name')).toHaveValue('Renamed in A')
})

test('when both tabs have unsaved edits, Load their version shows theirs, this tab’s edits one Undo away', async ({
  context,
}) => {
  const { a, b } = await twoTabs(context)
  await holdSaves(b.page)

  await b.fill(b.field('Jobs per month'), '888')
  await a.fill(a.field('Scenario name'), 'Renamed in A')
  await saveNow(a)

  const clash = clashIn(b)
  await clash.getByRole('button', { name: 'Load their version' }).click()
  await expect(clash).toBeHidden()
  await expect(b.field('Scenario name')).toHaveValue('Renamed in A')
  await expect(b.field('Jobs per month')).not.toHaveValue('888')

  await b.page.getByRole('button', { name: 'Undo' }).click()
  await expect(b.field('Jobs per month')).toHaveValue('888')
  await expect(b.field('Scenario name')).toHaveValue('Draft + final (example)')
})

test('closing a tab before choosing keeps its edits aside, and the next page offers to load them', async ({
  context,
}) => {
  const { a, b } = await twoTabs(context)
  await holdSaves(b.page)

  await b.fill(b.field('Jobs per month'), '999')
  await a.fill(a.field('Scenario name'), 'Renamed in A')
  await saveNow(a)
  await expect(clashIn(b)).toBeVisible()
  // Closed as a person closes it, the question unanswered: the browser sends pagehide.
  await b.page.close({ runBeforeUnload: true })

  const c = new WorksheetPage(await context.newPage())
  await c.open()
  await expect(c.field('Scenario name')).toHaveValue('Renamed in A')
  const notice = c.page.getByRole('alert').filter({ hasText: 'A tab was closed' })
  await expect(notice).toContainText('its worksheet (1 scenario) was kept aside')
  await notice.getByRole('button', { name: 'Load the kept-aside version' }).click()
  await expect(notice).toBeHidden()
  await expect(c.field('Jobs per month')).toHaveValue('999')
  await c.page.getByRole('button', { name: 'Undo' }).click()
  await expect(c.field('Scenario name')).toHaveValue('Renamed in A')

  // Loaded, it is the saved worksheet, and no copy is offered again.
  await c.page.getByRole('button', { name: 'Redo' }).click()
  await saveNow(c)
  await c.page.reload()
  await expect(c.field('Jobs per month')).toHaveValue('999')
  await expect(c.page.getByRole('alert').filter({ hasText: 'A tab was closed' })).toHaveCount(0)
})
