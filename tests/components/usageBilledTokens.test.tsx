import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { UsageLogSection } from '../../src/components/usage/UsageLogSection'

describe('Costs API quantities beside Usage API image counts', () => {
  it('shows tokens per billed image beside the engine at that size, hand-worked', async () => {
    const user = userEvent.setup()
    render(<UsageLogSection />)
    await user.upload(
      await screen.findByLabelText('Usage log file'),
      new File(
        [readFileSync(resolve('public/sample-costs-and-images.json'))],
        'sample-costs-and-images.json',
        { type: 'application/json' },
      ),
    )
    const table = await screen.findByRole('table', {
      name: 'Tokens per billed image by month and model',
    })
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => Array.from(r.children, (c) => c.textContent))
    // 70,240 / 40 = 1,756 (the rule's medium 1024x1024); 2,400 / 40 = 60; 7,760 / 40 = 194.
    expect(rows).toEqual([
      [
        'May 2026',
        'gpt-image-2',
        '40',
        '1,756',
        '1024x1024: low 196, medium 1,756, high 7,024',
        '60',
        '194',
      ],
    ])
  })
})
