import type { Locator, Page } from '@playwright/test'

/** The usage-log section below the worksheet, by its region and table names. */
export class UsageLogPage {
  constructor(readonly page: Page) {}

  section() {
    return this.page.getByRole('region', { name: 'Calibrate from a usage log' })
  }

  panel(name: string): Locator {
    return this.section().getByRole('region', { name, exact: true })
  }

  measured() {
    return this.section().getByRole('table', { name: 'Measured per template and stage' })
  }

  async cells(rowName: string) {
    return this.measured().getByRole('row', { name: rowName }).getByRole('cell').allTextContents()
  }
}
