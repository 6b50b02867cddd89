import { expect, test } from '@playwright/test'

test('the worksheet loads with no console errors and shows the monthly cost', async ({ page }) => {
  const problems: string[] = []
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(msg.text())
  })
  page.on('pageerror', (err) => problems.push(err.message))

  await page.goto('/')
  // Default scenario: 1,000 jobs; drafts 6,000 x 196 tokens, finals 325 x 5,488, prompts 120
  // tokens each: $35.28 + $3.60 + $53.508 + $0.195 = $92.583.
  await expect(page.getByRole('status', { name: 'Monthly cost' })).toHaveText('$92.58')
  expect(problems).toEqual([])
})
