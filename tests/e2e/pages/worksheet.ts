import { expect } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'

/** The worksheet as a person sees it: fields by their labels, figures by their names. */
export class WorksheetPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/')
    await expect(this.figure('Monthly cost')).not.toBeEmpty()
  }

  /**
   * Goes to a section below the worksheet by its header link, as a person does: those
   * sections mount when they near the viewport or are linked to, not on load.
   */
  async goTo(link: 'Decision tools' | 'Compare' | 'Usage log') {
    await this.page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: link })
      .click()
  }

  figure(name: 'Monthly cost' | 'Cost per job' | 'Cost per delivered image' | 'Annual cost') {
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

/** The compare section below the worksheet. */
export class ComparePage {
  constructor(readonly page: Page) {}

  async addPreset(title: string) {
    await this.page.getByLabel('New scenario').selectOption({ label: title })
  }

  table() {
    return this.page.getByRole('table', { name: /Scenarios side by side/ })
  }

  chart(title: string) {
    return this.page.getByRole('figure', { name: title })
  }

  async cells(rowName: string) {
    return this.table()
      .getByRole('row', { name: new RegExp(`^${rowName}`) })
      .getByRole('cell')
      .allTextContents()
  }
}
