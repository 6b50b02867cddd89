import { expect } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'

/** The worksheet as a person sees it: fields by their labels, figures by their names. */
export class WorksheetPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/')
    await expect(this.figure('Monthly cost')).not.toBeEmpty()
  }

  figure(name: 'Monthly cost' | 'Cost per job' | 'Cost per kept image' | 'Annual cost') {
    return this.page.getByRole('status', { name, exact: true })
  }

  field(label: string) {
    return this.page.getByLabel(label, { exact: true })
  }

  stage(name: string): Locator {
    return this.page.getByRole('group', { name, exact: true })
  }

  stageField(stage: string, label: string) {
    return this.stage(stage).getByLabel(label, { exact: true })
  }

  /** Replaces a field's text the way a person does: select all, type. */
  async fill(field: Locator, text: string) {
    await field.click()
    await field.press('ControlOrMeta+a')
    await field.pressSequentially(text)
  }
}
