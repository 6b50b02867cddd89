import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import type { BrowserContext, Page } from '@playwright/test'
import { encodeShareLink } from '../../src/io/shareLink'
import { defaultScenario } from '../../src/presets/defaultScenario'
import { WorksheetPage } from './pages/worksheet'

/** Names every plain JavaScript object answers to: a lookup that is not own-keys-only finds them. */
const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']
const STORAGE_KEY = 'gpt-image-budget'
const VALID = 'Blog illustrations: draft + final'

/**
 * The example file's first scenario (valid, rows 2–3), then one single-row
 * scenario per hostile name: a model for each, then a quality, a size and an
 * "auto billed as" named like an object member.
 */
function hostileCsv(): string {
  const [header, draft, final] = readFileSync('public/example-scenarios.csv', 'utf8')
    .trimEnd()
    .split(/\r?\n/)
  if (header === undefined || draft === undefined || final === undefined) throw new Error('example')
  const renamed = (name: string) => draft.replaceAll(VALID, name)
  return [
    header,
    draft,
    final,
    ...PROTOTYPE_NAMES.map((m) => renamed(`Model ${m}`).replace(',gpt-image-2,', `,${m},`)),
    renamed('Quality toString').replace(',low,high,', ',toString,high,'),
    renamed('Size valueOf').replace(',1024x1024,', ',valueOf,'),
    renamed('Billed as hasOwnProperty').replace(',low,high,', ',low,hasOwnProperty,'),
  ].join('\r\n')
}

/**
 * A worksheet this version saved (the example, saved by a real page), parsed:
 * the hostile cases are made from it, so only the names differ.
 */
async function savedWorksheet(context: BrowserContext): Promise<SavedWorksheet> {
  const page = await context.newPage()
  const ws = new WorksheetPage(page)
  await ws.open()
  await ws.fill(ws.field('Jobs per month'), '1000')
  await page.evaluate(() => {
    window.dispatchEvent(new Event('pagehide'))
  })
  const saved = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)
  await page.close()
  if (saved === null) throw new Error('nothing saved')
  return JSON.parse(saved) as SavedWorksheet
}

interface SavedWorksheet {
  state: {
    scenarios: { id: string; name: string; modelId: string; stages: { quality: string }[] }[]
    activeId: string
  }
}

/** A new tab that finds `raw` saved when it first loads (its reloads keep what the app left). */
async function tabWithSaved(context: BrowserContext, raw: string): Promise<Page> {
  const page = await context.newPage()
  await page.addInitScript(
    ({ key, value }) => {
      if (sessionStorage.getItem('seeded') === null) {
        localStorage.setItem(key, value)
        sessionStorage.setItem('seeded', '1')
      }
    },
    { key: STORAGE_KEY, value: raw },
  )
  await page.goto('/')
  return page
}

const noCrash = async (page: Page) => {
  await expect(
    page.getByRole('heading', { name: 'Something went wrong in the worksheet' }),
  ).toHaveCount(0)
}

test('a CSV naming models, a quality, a size like object members: each row explained, the valid scenario imports', async ({
  page,
}) => {
  const ws = new WorksheetPage(page)
  await ws.open()
  await page.getByLabel('Import scenarios from a CSV file').setInputFiles({
    name: 'hostile.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(hostileCsv()),
  })
  const dialog = page.getByRole('dialog', { name: 'Import preview: hostile.csv' })
  await expect(dialog).toContainText(
    'Found 9 scenarios, 8 with errors that cannot be imported. Nothing changes until you choose below.',
  )
  // Checking ended: the bar's progress text is gone, the preview is there.
  await expect(page.getByText('Checking every row…')).toHaveCount(0)

  // Every problem as [row, column, message], as the table lists them.
  const problems = await dialog
    .getByRole('table', { name: /^Problems/ })
    .getByRole('row')
    .evaluateAll((rows) =>
      rows.slice(1).map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent.trim())),
    )
  for (const [i, m] of PROTOTYPE_NAMES.entries()) {
    expect(problems).toContainEqual([
      String(4 + i),
      'model',
      `Model "${m}" is not in the price book; choose one of gpt-image-2, gpt-image-1.5, gpt-image-1-mini, gpt-image-1.`,
    ])
  }
  expect(problems).toContainEqual([
    '9',
    'quality',
    'quality must be low, medium, high or auto; it is "toString".',
  ])
  expect(problems).toContainEqual([
    '10',
    'size',
    'size must be WIDTHxHEIGHT in whole pixels, like 1536x1024; it is "valueOf".',
  ])
  expect(problems).toContainEqual([
    '11',
    'auto_billed_as',
    'auto_billed_as must be low, medium or high (blank means high); it is "hasOwnProperty".',
  ])
  // The valid scenario is priced: $92.58, the example's numbers.
  const scenarios = dialog.getByRole('table', { name: 'Scenarios in the file' })
  await expect(
    scenarios
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: VALID, exact: true }) }),
  ).toContainText('$92.58')
  await expect(scenarios.getByRole('row', { name: /^Model constructor/ })).toContainText('1 error')

  await dialog.getByRole('button', { name: 'Add 1 valid scenario' }).click()
  await expect(dialog).toBeHidden()
  await expect(
    page
      .getByRole('navigation', { name: 'Scenarios' })
      .getByRole('button', { name: VALID, exact: true }),
  ).toBeVisible()
  const ws2 = new WorksheetPage(page)
  await expect(ws2.figure('Monthly cost')).toHaveText('$92.58')
  await noCrash(page)
})

test('a share link carrying those names is explained in its preview, and its valid scenario opens', async ({
  page,
}) => {
  const good = { ...defaultScenario(), name: 'Good' }
  const hostile = PROTOTYPE_NAMES.map((m) => ({
    ...defaultScenario(),
    name: `Model ${m}`,
    modelId: m,
  }))
  const link = await encodeShareLink([good, ...hostile], 'http://127.0.0.1/')
  await page.goto(`/${link.slice(link.indexOf('#'))}`)
  const dialog = page.getByRole('dialog', { name: 'Import preview: a share link' })
  await expect(dialog).toContainText('Found 6 scenarios, 5 with errors that cannot be imported.')
  const problems = dialog.getByRole('table', { name: /^Problems/ })
  for (const m of PROTOTYPE_NAMES) {
    await expect(problems).toContainText(`Model "${m}" is not in the price book`)
  }
  await dialog.getByRole('button', { name: 'Replace my scenarios with 1 valid scenario' }).click()
  const ws = new WorksheetPage(page)
  await expect(ws.field('Scenario name')).toHaveValue('Good')
  await expect(ws.figure('Monthly cost')).toHaveText('$92.58')
  await noCrash(page)
})

test('saved data naming those models opens with the error at the field, and reloads never crash', async ({
  context,
}) => {
  const saved = await savedWorksheet(context)
  const base = saved.state.scenarios[0]!
  saved.state.scenarios = PROTOTYPE_NAMES.map((m, i) => ({
    ...base,
    id: `hostile-${String(i)}`,
    name: `Model ${m}`,
    modelId: m,
  }))
  saved.state.activeId = 'hostile-0'
  const page = await tabWithSaved(context, JSON.stringify(saved))
  const ws = new WorksheetPage(page)
  for (const m of PROTOTYPE_NAMES) {
    await page
      .getByRole('navigation', { name: 'Scenarios' })
      .getByRole('button', { name: `Model ${m}`, exact: true })
      .click()
    await expect(ws.field('Scenario name')).toHaveValue(`Model ${m}`)
    await expect(page.getByText(`Model "${m}" is not in the price book`).first()).toBeVisible()
    await expect(ws.figure('Monthly cost')).toHaveText('Incomplete')
    await noCrash(page)
  }
  // Twice: a page that crashed on this data would crash again on every reload.
  for (let i = 0; i < 2; i++) {
    await page.reload()
    await expect(ws.field('Scenario name')).toHaveValue(/^Model /)
    await noCrash(page)
  }
})

test('saved data with a quality named like an object member is kept aside once and explained', async ({
  context,
}) => {
  const saved = await savedWorksheet(context)
  saved.state.scenarios[0]!.stages[0]!.quality = '__proto__'
  const raw = JSON.stringify(saved)
  const page = await tabWithSaved(context, raw)
  const ws = new WorksheetPage(page)
  for (let i = 0; i < 2; i++) {
    if (i > 0) await page.reload()
    await expect(page.getByRole('alert').filter({ hasText: 'could not be opened' })).toContainText(
      'Your saved worksheet could not be opened.',
    )
    await expect(ws.figure('Monthly cost')).toHaveText('$92.58')
    await noCrash(page)
  }
  const kept = await page.evaluate(
    (prefix) =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith(prefix))
        .map((k) => localStorage.getItem(k)),
    `${STORAGE_KEY}:kept-aside:`,
  )
  // Kept aside once, however often the page loads, and exactly as it was.
  expect(kept).toEqual([raw])
})
