import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { WorksheetPage } from './pages/worksheet'

test('a Draft + Final workflow filled in by hand gives the hand-computed totals and survives a reload', async ({
  page,
}) => {
  const ws = new WorksheetPage(page)
  await ws.open()

  await ws.fill(ws.field('Scenario name'), 'Listing photos')
  await ws.fill(ws.field('Jobs per month'), '5000')

  // Draft: 5,000 x 3 images x 2 retries = 30,000 low 1024x1024 images.
  //   output 30,000 x 196 x $30/M = $176.40; prompt 30,000 x 80 x $5/M = $12.00
  await ws.fill(ws.stageField('Draft', 'Images per job'), '3')
  await ws.stage('Draft').getByRole('button', { name: 'New prompt, no review loop: 2×' }).click()
  await ws.fill(ws.stageField('Draft', 'Prompt tokens'), '80')

  // Final: 5,000 x 10% = 500 jobs x 1 x 1.2 = 600 high 1024x1536 images with one reference.
  //   output 600 x 5,488 x $30/M = $98.784; prompt 600 x 80 x $5/M = $0.24;
  //   reference 600 x 1,024 x $8/M = $4.9152
  await ws.stageField('Final', 'Size').selectOption('1024x1536')
  await ws.fill(ws.stageField('Final', 'Share of jobs reaching this stage'), '10')
  await ws.fill(ws.stageField('Final', 'Retry multiplier'), '1.2')
  await ws.fill(ws.stageField('Final', 'Prompt tokens'), '80')
  await ws.fill(ws.stageField('Final', 'Reference images'), '1')

  // Total: 176.40 + 12.00 + 98.784 + 0.24 + 4.9152 = $292.3392
  await expect(ws.figure('Monthly cost')).toHaveText('$292.34')
  await expect(ws.figure('Annual cost')).toHaveText('$3,508.07')
  // per job 292.3392 / 5,000; per delivered image / 500 finals = 0.5846784
  await expect(ws.figure('Cost per job')).toHaveText('$0.0585')
  await expect(ws.figure('Cost per delivered image')).toHaveText('$0.585')

  // A mistake, explained where it was typed, then left in place across a reload.
  await ws.fill(ws.stageField('Final', 'Retry multiplier'), '0.8')
  await expect(ws.figure('Monthly cost')).toHaveText('Incomplete')
  await expect(ws.stage('Final').getByText('Retry multiplier must be at least 1')).toBeVisible()

  await page.reload()
  await expect(ws.field('Scenario name')).toHaveValue('Listing photos')
  await expect(ws.stageField('Final', 'Retry multiplier')).toHaveValue('0.8')
  await expect(ws.figure('Monthly cost')).toHaveText('Incomplete')

  await ws.fill(ws.stageField('Final', 'Retry multiplier'), '1.2')
  await expect(ws.figure('Monthly cost')).toHaveText('$292.34')
  await page.reload()
  await expect(ws.figure('Monthly cost')).toHaveText('$292.34')
  await expect(ws.stageField('Final', 'Size')).toHaveValue('1024x1536')
})

test('undo and redo from the keyboard walk back every edit, a removed stage included', async ({
  page,
}) => {
  const ws = new WorksheetPage(page)
  await ws.open()
  await ws.fill(ws.field('Jobs per month'), '2000')
  await expect(ws.figure('Monthly cost')).toHaveText('$185.17')
  await ws.stage('Final').getByRole('button', { name: 'Remove Final' }).click()
  // Draft alone: 2 x $38.88
  await expect(ws.figure('Monthly cost')).toHaveText('$77.76')
  await page.keyboard.press('Control+z')
  await expect(ws.stage('Final')).toBeVisible()
  await expect(ws.figure('Monthly cost')).toHaveText('$185.17')
  await page.keyboard.press('Control+z')
  await expect(ws.figure('Monthly cost')).toHaveText('$92.58')
  await page.keyboard.press('Control+Shift+z')
  await expect(ws.field('Jobs per month')).toHaveValue('2000')
})

test('every control is reachable by keyboard and the page has no axe violations', async ({
  page,
}) => {
  const ws = new WorksheetPage(page)
  await ws.open()
  // Put an error and an override on screen too: their markup must pass as well.
  await ws.fill(ws.stageField('Draft', 'Width'), '1000')
  await ws.fill(ws.field('Image output'), '25')
  await page.getByRole('heading', { name: 'How this is computed' }).click()

  const results = await new AxeBuilder({ page }).analyze()
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([])

  await page.locator('body').click({ position: { x: 1, y: 1 } })
  const reached = new Set<string>()
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab')
    const name = await page.evaluate(() => {
      const el = document.activeElement
      if (!el || el === document.body) return ''
      const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null
      return label ?? el.getAttribute('aria-label') ?? el.textContent
    })
    reached.add(name.trim())
  }
  for (const name of [
    'Scenario name',
    'Jobs per month',
    'Batch API (50% off)',
    'Retry multiplier',
    'Image output',
    'Prices checked on',
    'Undo',
    '+ Add stage',
  ]) {
    expect(reached).toContain(name)
  }
})

test('the phone layout keeps the total in sight', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  const ws = new WorksheetPage(page)
  await ws.open()
  await ws.fill(ws.field('Jobs per month'), '3000')
  // 3 x $92.583 = $277.749
  await expect(page.locator('.mini-total')).toContainText('$277.75')
  await expect(page.locator('.mini-total')).toBeInViewport()
})
