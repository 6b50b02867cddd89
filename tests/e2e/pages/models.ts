import { expect } from '@playwright/test'
import type { Page } from '@playwright/test'
import type { WorksheetPage } from './worksheet'

/**
 * Adds "Acme v1" through "Add a model…": priced per image at $0.01 low, $0.04 medium and
 * $0.12 high, making 1024x1024 and 1536x1024. On the example worksheet it costs
 * 6,000 x $0.01 + 325 x $0.12 = $99.00 a month. Checks on the way that Escape closes the
 * form unsaved and gives focus back to its button.
 */
export async function addAcme(page: Page, ws: WorksheetPage) {
  const opener = page.getByRole('button', { name: 'Add a model…' })
  await opener.click()
  const dialog = page.getByRole('dialog', { name: 'Add a model' })
  await expect(dialog.getByLabel('Model name')).toBeFocused()
  // Escape closes it unsaved and gives focus back to the button.
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(opener).toBeFocused()

  await opener.click()
  await ws.fill(dialog.getByLabel('Model name'), 'Acme v1')
  await dialog.getByLabel('Priced by').selectOption({ label: 'Image' })
  await ws.fill(dialog.getByLabel('Sizes it makes'), '1024x1024, 1536x1024')
  await ws.fill(dialog.getByLabel('Low price per image'), '0.01')
  await ws.fill(dialog.getByLabel('Medium price per image'), '0.04')
  await ws.fill(dialog.getByLabel('High price per image'), '0.12')
  await ws.fill(dialog.getByLabel('Source URL'), 'https://acme.example/pricing')
  await ws.fill(dialog.getByLabel('As of'), '2026-11-02')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
}
