import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DecisionTools } from '../../src/components/decisions/DecisionTools'
import { ResultsPanel } from '../../src/components/results/ResultsPanel'
import { useWorksheet } from '../../src/store/worksheet'

// The default scenario, by hand (gpt-image-2: $5/M text, $30/M image output), 1,000 jobs:
//   Draft: 1,000 x 4 images x 1.5 = 6,000 low 1024x1024 images, each 196 x $30/M = $0.00588
//     + 120 x $5/M = $0.0006 of prompt: $0.00648 x 6,000 = $38.88
//   Final: 1,000 x 25% x 1 x 1.3 = 325 high 1536x1024 images, each 5,488 x $30/M = $0.16464
//     + $0.0006: $0.16524 x 325 = $53.703
//   Monthly $92.583; a job costs $0.092583; kept images 4,000 + 250 = 4,250.

/** Renders the tools next to the results, once their lazily loaded panels are in. */
async function renderTools() {
  const user = userEvent.setup()
  render(
    <>
      <ResultsPanel />
      <DecisionTools />
    </>,
  )
  await screen.findByRole('region', { name: 'Budget checks' })
  return user
}

const panel = (name: string) => screen.getByRole('region', { name })
const figure = (region: HTMLElement, name: string) => within(region).getByRole('status', { name })
const monthlyCost = () => screen.getByRole('status', { name: 'Monthly cost' })
const state = () => useWorksheet.getState()
const active = () => state().scenarios[0]!
/** Dollars in a figure's text, for checks with a tolerance. */
const dollars = (text: string | null) => Number((text ?? '').replace(/[^0-9.]/g, ''))
const expectNear = (actual: number, expected: number, tolerance: number) => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance)
}

beforeEach(() => {
  // Budget checks compare price dates with today: pin today, leave timers real.
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-05-10T12:00:00'))
})

afterEach(() => {
  vi.useRealTimers()
})

describe('model comparison', () => {
  it('prices the scenario under every model, against the current one', async () => {
    await renderTools()
    const table = within(panel('Model comparison')).getByRole('table')
    const cells = (model: RegExp) =>
      Array.from(
        within(table)
          .getByRole('rowheader', { name: model })
          .closest('tr')!
          .querySelectorAll('td')
          .values(),
        (c) => c.textContent,
      )
    // per delivered image: 92.583 / 250 finals = $0.370332
    // × cheapest: over GPT Image 1 mini's $48.418, 92.583 / 48.418 = 1.912
    expect(cells(/^GPT Image 2/)).toEqual(['available', '$92.58', '$0.370', 'current', '1.91×', ''])
    // GPT Image 1.5 ($32/M, classic tokens): Draft 6,000 x (272 x $32/M + $0.0006) = $55.824;
    //   Final 325 x (6,208 x $32/M + $0.0006) = $64.7582; total $120.5822, +$27.9992;
    //   / 250 finals = $0.482329
    // 120.5822 / 48.418 = 2.490
    expect(cells(/^GPT Image 1\.5$/)).toEqual([
      'available',
      '$120.58',
      '$0.482',
      '+$28.00',
      '2.49×',
      '',
    ])
    // GPT Image 1 mini bills from its per-image table: Draft 6,000 x ($0.005 + 120 x $2/M) =
    //   $31.44; Final 325 x ($0.052 + $0.00024) = $16.978; total $48.418, -$44.165;
    //   / 250 finals = $0.193672
    expect(cells(/^GPT Image 1 mini$/).slice(0, 5)).toEqual([
      'deprecated',
      '$48.42',
      '$0.194',
      '-$44.17',
      '1.00×',
    ])
    // GPT Image 1 ($40/M): 6,000 x (272 x $40/M + $0.0006) = $68.88; 325 x (6,208 x $40/M
    //   + $0.0006) = $80.899; total $149.779
    expect(cells(/^GPT Image 1$/).slice(0, 2)).toEqual(['shut down', '$149.78'])
  })

  it('notes a stage size a model cannot make, and what it priced instead', async () => {
    await renderTools()
    const finalId = active().stages[1]!.id
    act(() => {
      state().editStage(finalId, { width: 1792, height: 1024 })
    })
    const table = within(panel('Model comparison')).getByRole('table')
    await expect(
      within(table).findByText(
        'GPT Image 1.5 makes only 1024x1024, 1024x1536, 1536x1024; "Final" is 1792x1024, priced here at 1536x1024 (the closest shape it makes).',
      ),
    ).resolves.toBeInTheDocument()
  })
})

describe('budget cap', () => {
  it('solves the jobs a $50 budget pays for, and lists single changes that fit first', async () => {
    const user = await renderTools()
    const cap = panel('Budget cap')
    expect(within(cap).getByText('Type a budget to see what fits.')).toBeInTheDocument()
    await user.type(within(cap).getByLabelText('Monthly budget (USD)'), '50')

    // floor(50 / 0.092583) = floor(540.06) = 540 jobs; 92.583 - 50 = 42.583 over
    expect(figure(cap, 'Most jobs a month within budget')).toHaveTextContent('540')
    expect(figure(cap, 'Over budget by')).toHaveTextContent('$42.58')

    const rows = within(within(cap).getByRole('table'))
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent)
    expect(rows).toEqual([
      // Batch: 92.583 / 2 = 46.2915
      'Use the Batch API (50% off, results within 24 hours)$46.29saves $46.29YesApply',
      // Final reach 0.25 x (50 - 38.88) / 53.703 = 0.0518 -> 5.1%: 38.88 + 10 x 0.051... = 49.835412
      'Cut the share of jobs reaching "Final" from 25% to 5.1%$49.84saves $42.75YesApply',
      // 540 x 0.092583 = 49.99482
      'Cut jobs per month from 1000 to 540$49.99saves $42.59YesApply',
      // Final at medium (1,372 tokens): 325 x (1,372 x $30/M + $0.0006) = 13.572; + 38.88
      'Lower "Final" quality from high to medium$52.45saves $40.13NoApply',
      // Draft retry 1: 4,000 x $0.00648 = 25.92 + 53.703
      'Lower "Draft" retry multiplier from 1.5 to 1$79.62saves $12.96NoApply',
      // Final retry 1: 250 x $0.16524 = 41.31 + 38.88
      'Lower "Final" retry multiplier from 1.3 to 1$80.19saves $12.39NoApply',
    ])
  })

  it('applies a change through the worksheet, as one undoable step', async () => {
    const user = await renderTools()
    const cap = panel('Budget cap')
    await user.type(within(cap).getByLabelText('Monthly budget (USD)'), '50')

    await user.click(within(cap).getByRole('button', { name: /^Apply: Cut the share/ }))
    expect(active().stages[1]!.reachShare).toBe(0.051)
    // 1,000 x 5.1% x 1.3 = 66.3 images x $0.16524 = $10.955412 + $38.88
    expect(monthlyCost()).toHaveTextContent('$49.84')
    // Within budget now: 50 - 49.835412 = 0.164588 of headroom, and no changes left to offer.
    expect(await within(cap).findByRole('status', { name: 'Headroom' })).toHaveTextContent('$0.165')
    expect(within(cap).queryByRole('table')).not.toBeInTheDocument()
    // Focus moves to the tool's heading, since the button that had it is gone.
    expect(within(cap).getByRole('heading', { name: 'Budget cap' })).toHaveFocus()

    act(() => {
      state().undo()
    })
    expect(active().stages[1]!.reachShare).toBe(0.25)
    expect(monthlyCost()).toHaveTextContent('$92.58')
  })

  it('keeps typing and an applied change apart in the undo history', async () => {
    const user = await renderTools()
    const cap = panel('Budget cap')
    act(() => {
      state().typeScenarioNumber('jobsPerMonth', '2000')
    })
    // 2 x 92.583 = 185.166 against $100: 100 / 0.092583 = 1080.11 -> 1,080 jobs
    await user.type(within(cap).getByLabelText('Monthly budget (USD)'), '100')
    await user.click(await within(cap).findByRole('button', { name: /^Apply: Cut jobs per month/ }))
    expect(active().jobsPerMonth).toBe(1080)
    act(() => {
      state().undo()
    })
    expect(active().jobsPerMonth).toBe(2000)
    act(() => {
      state().undo()
    })
    expect(active().jobsPerMonth).toBe(1000)
  })

  it('shows a budget it cannot read at the field', async () => {
    const user = await renderTools()
    const field = within(panel('Budget cap')).getByLabelText('Monthly budget (USD)')
    await user.type(field, 'lots')
    expect(field).toHaveAccessibleDescription(
      /The monthly budget must be a number of US dollars, 0 or more\./,
    )
    expect(field).toHaveAttribute('aria-invalid', 'true')
  })
})

describe('sensitivity', () => {
  it('lists the largest effects of moving each input by 25%, then by the share typed', async () => {
    const user = await renderTools()
    const tools = panel('Sensitivity')
    expect(within(tools).getByLabelText('Vary numbers by (%)')).toHaveValue('25')
    const table = within(tools).getByRole('table', {
      name: 'Monthly cost with each input lowered and raised on its own',
    })
    const row = (name: string) =>
      Array.from(
        within(table)
          .getByRole('row', { name: new RegExp(`^${name}`) })
          .querySelectorAll('td')
          .values(),
        (c) => c.textContent,
      )
    // Ten bars, the inputs that move nothing left out.
    expect(within(table).getAllByRole('row')).toHaveLength(11)
    // Draft at medium (1,756 tokens): 6,000 x (1,756 x $30/M + $0.0006) = 319.68 + 53.703
    expect(row('Draft · Quality')).toEqual(['low', '$92.58', 'medium', '$373.38', '$280.80'])
    // 750 and 1,250 jobs x 0.092583
    expect(row('Jobs per month')).toEqual(['750', '$69.44', '1,250', '$115.73', '$46.29'])
    // Draft retry 1.125: 4,500 x 0.00648 = 29.16 + 53.703; 1.875: 7,500 x 0.00648 = 48.6 + 53.703
    expect(row('Draft · Retry multiplier')).toEqual([
      '1.125',
      '$82.86',
      '1.875',
      '$102.30',
      '$19.44',
    ])

    const share = within(tools).getByLabelText('Vary numbers by (%)')
    await user.clear(share)
    await user.type(share, '10')
    // 900 and 1,100 jobs x 0.092583
    expect(
      await within(table).findByRole('row', {
        name: /^Jobs per month 900 \$83\.32 1,100 \$101\.84/,
      }),
    ).toBeInTheDocument()
  })

  it('says at the field when the share is out of range', async () => {
    const user = await renderTools()
    const share = within(panel('Sensitivity')).getByLabelText('Vary numbers by (%)')
    await user.clear(share)
    await user.type(share, '150')
    expect(
      await within(panel('Sensitivity')).findByText(
        'The variation must be a share from 0% to 100%.',
      ),
    ).toBeInTheDocument()
    expect(share).toHaveAttribute('aria-invalid', 'true')
  })
})

describe('quotas', () => {
  it('flags a plan with no quota, then prices the worst case a quota allows', async () => {
    const user = await renderTools()
    const quotas = panel('Quotas')
    expect(figure(quotas, 'Worst case a month')).toHaveTextContent('Unbounded')
    expect(within(quotas).getByText(/No per-user quota is set/)).toBeInTheDocument()

    await user.type(within(quotas).getByLabelText('Users per month'), '100')
    await user.type(within(quotas).getByLabelText('Max images per user per month'), '20')
    expect(active().usersPerMonth).toBe(100)
    expect(active().maxImagesPerUser).toBe(20)
    // 100 x 20 = 2,000 images at the dearest stage's $0.16524 = $330.48; 330.48 - 92.583 = 237.897
    // (the figures follow once typing pauses)
    await waitFor(() => {
      expect(figure(quotas, 'Worst case a month')).toHaveTextContent('$330.48')
    })
    expect(within(quotas).getByText("2,000 images; $237.90 over the plan's $92.58")).toBeVisible()
    // The plan bills 6,325 images for 100 users: 63.25 each, above the quota of 20.
    expect(figure(quotas, 'Planned images per user')).toHaveTextContent('63.25')
    expect(within(quotas).getByText(/above the quota of 20/)).toBeInTheDocument()
  })

  it('reads an emptied field as no quota, and names a field it cannot read', async () => {
    const user = await renderTools()
    const quotas = panel('Quotas')
    const max = within(quotas).getByLabelText('Max images per user per month')
    await user.type(max, '20')
    // A quota without a number of users has no worst case yet.
    expect(
      await within(quotas).findByText(
        'Set users per month to see the worst case the quota allows.',
      ),
    ).toBeInTheDocument()
    expect(figure(quotas, 'Worst case a month')).toHaveTextContent('—')

    await user.clear(max)
    // The store keeps a cleared number as NaN; the tools read it as unset, not as an error.
    expect(active().maxImagesPerUser).toBeNaN()
    expect(max).toHaveValue('')
    await waitFor(() => {
      expect(figure(quotas, 'Worst case a month')).toHaveTextContent('Unbounded')
    })
    expect(max).not.toHaveAttribute('aria-invalid')

    const users = within(quotas).getByLabelText('Users per month')
    await user.type(users, 'many')
    await waitFor(() => {
      expect(users).toHaveAccessibleDescription(
        /Users per month must be a number from 0 to 1,000,000,000,000\./,
      )
    })
    expect(users).toHaveValue('many')
  })
})

describe('uncertainty', () => {
  it('gives P10, P50 and P90 of a triangular jobs range, seeded', async () => {
    const user = await renderTools()
    const mc = panel('Uncertainty')
    for (const name of ['P10', 'P50 (median)', 'P90']) {
      expect(figure(mc, name)).toHaveTextContent('$92.58')
    }
    const jobs = within(mc).getByRole('group', { name: 'Jobs per month (now 1,000)' })
    await user.type(within(jobs).getByLabelText('Low'), '800')
    await user.type(within(jobs).getByLabelText('High'), '1500')

    // Triangular(800, 1,000, 1,500): F(1,000) = 200 / 700. Quantile u below it is
    // 800 + sqrt(u x 700 x 200), above it 1,500 - sqrt((1 - u) x 700 x 500):
    //   P10 918.32 jobs -> $85.02; P50 1,081.67 -> $100.14; P90 1,312.92 -> $121.55.
    // 10,000 samples land within a fraction of a percent of those
    // (a standard error of about $0.2 each; $0.6 is three of them).
    await within(mc).findByText(/10,000 samples of one input/)
    expectNear(dollars(figure(mc, 'P10').textContent), 85.02, 0.6)
    expectNear(dollars(figure(mc, 'P50 (median)').textContent), 100.14, 0.6)
    expectNear(dollars(figure(mc, 'P90').textContent), 121.55, 0.6)
    const p50 = figure(mc, 'P50 (median)').textContent

    // Seeded: the same ranges give the same figures, after something else in between.
    await user.clear(within(jobs).getByLabelText('High'))
    await waitFor(() => {
      expect(figure(mc, 'P50 (median)')).toHaveTextContent('$92.58')
    })
    await user.type(within(jobs).getByLabelText('High'), '1500')
    await waitFor(() => {
      expect(figure(mc, 'P50 (median)').textContent).toBe(p50)
    })
  })

  it('explains a range that leaves out the current value, in the unit typed', async () => {
    const user = await renderTools()
    const mc = panel('Uncertainty')
    const reach = within(mc).getByRole('group', { name: 'Final · Reach share (now 25%)' })
    await user.type(within(reach).getByLabelText('Low'), '50')
    expect(
      within(reach).getByText('Enter both low and high, or leave both empty.'),
    ).toBeInTheDocument()
    await user.type(within(reach).getByLabelText('High'), '60')
    expect(
      within(reach).getByText(
        'The range must include the current value, 25%: it is taken as the most likely.',
      ),
    ).toBeInTheDocument()
    expect(within(reach).getByLabelText('Low')).toHaveAttribute('aria-invalid', 'true')
    expect(within(mc).getByText(/left out until it is fixed/)).toBeInTheDocument()
  })

  it('exports every sample as CSV: numbers, one row per sample', async () => {
    const user = await renderTools()
    const mc = panel('Uncertainty')
    const retry = within(mc).getByRole('group', { name: 'Final · Retry multiplier (now 1.3)' })
    await user.type(within(retry).getByLabelText('Low'), '1.1')
    await user.type(within(retry).getByLabelText('High'), '2')
    await within(mc).findByText(/10,000 samples of one input/)

    const blobs: Blob[] = []
    const create = vi.fn((b: Blob) => {
      blobs.push(b)
      return 'blob:samples'
    })
    const revoke = vi.fn()
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke })
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    await user.click(within(mc).getByRole('button', { name: 'Export samples (CSV)' }))
    expect(click).toHaveBeenCalledOnce()
    click.mockRestore()

    const lines = (await blobs[0]!.text()).split('\r\n')
    expect(lines[0]).toBe('Sample,Final · Retry multiplier,Monthly cost (USD)')
    expect(lines).toHaveLength(10_002) // header, 10,000 samples, and the final line break
    expect(lines.at(-1)).toBe('')
    for (const line of lines.slice(1, -1)) {
      const [n, retryValue, cost] = line.split(',').map(Number)
      expect(retryValue).toBeGreaterThanOrEqual(1.1)
      expect(retryValue).toBeLessThanOrEqual(2)
      // 38.88 + 250 x retry x $0.16524
      expect(cost).toBeCloseTo(38.88 + 250 * retryValue! * 0.16524, 9)
      expect(Number.isInteger(n)).toBe(true)
    }
  })

  it('draws P10 to P90 against job volume once a range is given, every value in a table', async () => {
    const user = await renderTools()
    const mc = panel('Uncertainty')
    const title = 'Monthly cost as job volume grows, P10 to P90'
    // No range, no band: it would only repeat the plan's own line.
    expect(within(mc).queryByRole('figure', { name: title })).toBeNull()

    const retry = within(mc).getByRole('group', { name: 'Final · Retry multiplier (now 1.3)' })
    await user.type(within(retry).getByLabelText('Low'), '1.1')
    await user.type(within(retry).getByLabelText('High'), '2')
    const band = await within(mc).findByRole('figure', { name: title })
    expect(within(band).getByRole('img', { name: new RegExp(`^${title}\\.`) })).toBeInTheDocument()
    await user.click(
      within(band).getByText('Data table: monthly cost as job volume grows, P10 to P90'),
    )
    const cells = (jobs: string) =>
      Array.from(
        within(band).getByRole('rowheader', { name: jobs }).closest('tr')!.querySelectorAll('td'),
        (c) => c.textContent,
      )
    // Steps of 200 jobs up to twice the plan's 1,000.
    expect(
      within(band)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual([
      '0',
      '200',
      '400',
      '600',
      '800',
      '1,000 (plan)',
      '1,200',
      '1,400',
      '1,600',
      '1,800',
      '2,000',
    ])
    expect(cells('0')).toEqual(['$0.00', '$0.00', '$0.00', '$0.00'])
    // Triangular(1.1, 1.3, 2): F(1.3) = 0.2 / 0.9. Retry quantiles 1.1 + sqrt(0.1 x 0.9 x 0.2)
    //   = 1.2342, 2 - sqrt(0.5 x 0.9 x 0.7) = 1.4387, 2 - sqrt(0.1 x 0.9 x 0.7) = 1.7490.
    // At 1,000 jobs: $38.88 of drafts + 250 finals x retry x $0.16524:
    //   P10 $89.86, P50 $98.32, P90 $111.13; as entered (retry 1.3) $92.58.
    const [p10, p50, p90, asEntered] = cells('1,000 (plan)')
    expectNear(dollars(p10!), 89.86, 0.3)
    expectNear(dollars(p50!), 98.32, 0.3)
    expectNear(dollars(p90!), 111.13, 0.3)
    expect(asEntered).toBe('$92.58')
    // Only retry is uncertain, so at the plan's volume the band is the panel's own figures.
    expect(p10).toBe(figure(mc, 'P10').textContent)
    expect(p50).toBe(figure(mc, 'P50 (median)').textContent)
    expect(p90).toBe(figure(mc, 'P90').textContent)
    // Cost is linear in volume: twice the jobs, twice every percentile (2 x 92.583 = 185.166).
    const twice = cells('2,000')
    expect(twice[3]).toBe('$185.17')
    expectNear(dollars(twice[1]!), 2 * dollars(p50!), 0.011)

    await user.clear(within(retry).getByLabelText('High'))
    await waitFor(() => {
      expect(within(mc).queryByRole('figure', { name: title })).toBeNull()
    })
  })

  it('shows what quality auto could cost, billed as low and as high', async () => {
    await renderTools()
    act(() => {
      state().editStage(active().stages[1]!.id, { quality: 'auto' })
    })
    // Final at low 1536x1024 (158 tokens): 325 x (158 x $30/M + $0.0006) = $1.7355 + $38.88
    await expect(
      within(panel('Uncertainty')).findByText(
        (_, el) =>
          el?.tagName === 'P' &&
          el.textContent ===
            'Quality auto is billed at whatever the model picks: as low, $40.62 a month; as high, $92.58.',
      ),
    ).resolves.toBeInTheDocument()
  })
})

describe('budget checks', () => {
  it('finds nothing wrong with the example while its prices are fresh', async () => {
    await renderTools()
    expect(
      within(panel('Budget checks')).getByText('No common mistake found in this scenario.'),
    ).toBeInTheDocument()
  })

  it('flags prices checked long ago, with where to re-check them', async () => {
    vi.setSystemTime(new Date('2026-06-30T12:00:00'))
    await renderTools()
    const checks = panel('Budget checks')
    expect(
      within(checks).getByText(
        "Prices were last checked on 2026-04-28 (the price book's date), 63 days ago: API prices change, re-check them before relying on this budget.",
      ),
    ).toBeInTheDocument()
    expect(within(checks).getByRole('link', { name: /OpenAI pricing page/ })).toHaveAttribute(
      'href',
      'https://developers.openai.com/api/docs/pricing#image-generation',
    )
  })

  it('fixes high-quality drafts in one click, undoably', async () => {
    const user = await renderTools()
    act(() => {
      state().editStage(active().stages[0]!.id, { quality: 'high' })
    })
    // Draft at high (7,024 tokens): 6,000 x (7,024 x $30/M + $0.0006) = 1,267.92 + 53.703
    expect(monthlyCost()).toHaveTextContent('$1,321.62')
    const checks = panel('Budget checks')
    const fix = await within(checks).findByRole('button', {
      name: 'Fix: set "Draft" quality to low',
    })
    // 1,321.623 - 92.583 = 1,229.04
    expect(within(checks).getByText('saves $1,229.04 a month')).toBeInTheDocument()
    await user.click(fix)
    expect(monthlyCost()).toHaveTextContent('$92.58')
    act(() => {
      state().undo()
    })
    expect(monthlyCost()).toHaveTextContent('$1,321.62')
  })

  it('suggests a quota with room over the plan once users are known', async () => {
    const user = await renderTools()
    await user.type(within(panel('Quotas')).getByLabelText('Users per month'), '100')
    const checks = panel('Budget checks')
    // 6,325 billed images / 100 users = 63.25 each; x 1.5 headroom = 94.9 -> 95
    await user.click(
      await within(checks).findByRole('button', {
        name: 'Fix: set a quota of 95 images per user a month',
      }),
    )
    expect(active().maxImagesPerUser).toBe(95)
    expect(within(panel('Quotas')).getByLabelText('Max images per user per month')).toHaveValue(
      '95',
    )
  })
})

it('asks for a complete worksheet instead of showing numbers it cannot compute', async () => {
  await renderTools()
  act(() => {
    state().typeScenarioNumber('jobsPerMonth', '')
  })
  await expect(
    within(screen.getByRole('region', { name: 'Decision tools' })).findByText(
      'Jobs per month must be a number from 0 to 1,000,000,000,000.',
    ),
  ).resolves.toBeInTheDocument()
})

describe('12-month projection', () => {
  // The example ($92.583 a month) growing 10% a month from May 2026 (today is pinned):
  //   92.583 x (1.1^12 - 1) / 0.1 = 92.583 x 21.384284 = $1,979.82
  //   month k costs 92.583 x 1.1^(k-1): Oct 2026 $149.11, Nov 2026 $164.02
  it('compounds the growth typed, and names the first month over the budget cap', async () => {
    const user = await renderTools()
    const year = panel('12-month projection')
    // No growth: twelve equal months, 12 x $92.583 = $1,111.00
    expect(figure(year, '12-month total')).toHaveTextContent('$1,111.00')
    await user.type(within(year).getByLabelText('Monthly growth'), '10')
    await waitFor(() => {
      expect(figure(year, '12-month total')).toHaveTextContent('$1,979.82')
    })
    expect(active().monthlyGrowth).toBe(0.1)

    await user.type(within(panel('Budget cap')).getByLabelText('Monthly budget (USD)'), '150')
    await waitFor(() => {
      expect(figure(year, 'First month over budget')).toHaveTextContent('Nov 2026')
    })
    const rows = within(year).getAllByRole('row')
    expect(rows[1]).toHaveTextContent('May 2026')
    expect(rows[6]).toHaveTextContent('Oct 2026')
    expect(rows[6]).toHaveTextContent('$149.11')
    expect(rows[7]).toHaveTextContent('$164.02')
  })

  it('starts at the month chosen, and explains growth it cannot use at the field', async () => {
    const user = await renderTools()
    const year = panel('12-month projection')
    const start = within(year).getByLabelText('Starting month')
    expect(start).toHaveValue('2026-05')
    // jsdom drops each partial keystroke of a month input; a picker sets the whole value.
    fireEvent.change(start, { target: { value: '2027-01' } })
    await waitFor(() => {
      expect(within(year).getAllByRole('row')[1]).toHaveTextContent('Jan 2027')
    })
    expect(active().startMonth).toBe('2027-01')

    const growth = within(year).getByLabelText('Monthly growth')
    await user.type(growth, '-100')
    await waitFor(() => {
      expect(growth).toHaveAccessibleDescription(
        expect.stringContaining(
          'Monthly growth must be above -100%: at -100% every job is gone after the first month.',
        ),
      )
    })
    expect(within(year).queryByRole('status', { name: '12-month total' })).toBeNull()
    await user.clear(growth)
    await user.type(growth, 'abc')
    await waitFor(() => {
      expect(growth).toHaveAccessibleDescription(
        expect.stringContaining('Monthly growth must be a number from -100% to 1,000%.'),
      )
    })
    await user.clear(growth)
    // Emptied: no growth, twelve equal months of the example.
    await waitFor(() => {
      expect(figure(year, '12-month total')).toHaveTextContent('$1,111.00')
    })
  })
})
