import type { Locator, Page } from 'playwright-core';

/** The input of a date or time field of the mini app (components/ward-date-fields.tsx) by its label. */
export const wardField = (scope: Page | Locator, label: string) =>
  scope.locator(`.ward-field[data-field="${label}"] input`);

/**
 * Picks "HH:MM" in a time field the way a person does: open the picker, tap the hour and the minute,
 * then "Xong". The columns scroll by transform, so the taps are dispatched to the items directly.
 */
export async function pickTime(page: Page, scope: Page | Locator, label: string, time: string) {
  const [hour, minute] = time.split(':');
  await wardField(scope, label).click();
  const panel = page.locator('.zaui-picker-panel').filter({ hasText: label }).last();
  await panel.waitFor({ timeout: 5_000 });
  const columns = panel.locator('.zaui-picker-column');
  await columns
    .nth(0)
    .locator('.zaui-picker-item')
    .getByText(hour ?? '', { exact: true })
    .dispatchEvent('click');
  await columns
    .nth(1)
    .locator('.zaui-picker-item')
    .getByText(minute ?? '', { exact: true })
    .dispatchEvent('click');
  await panel.getByRole('button', { name: 'Xong' }).click();
  await panel.waitFor({ state: 'hidden', timeout: 5_000 });
}

/**
 * Picks a ward day "YYYY-MM-DD" in a date field the way a person does: open the picker, tap the day,
 * the month and the year (columns DD, MM, YYYY), then "Xong".
 */
export async function pickDay(page: Page, scope: Page | Locator, label: string, day: string) {
  const [year, month, date] = day.split('-');
  await wardField(scope, label).click();
  const panel = page.locator('.zaui-picker-panel').filter({ hasText: label }).last();
  await panel.waitFor({ timeout: 5_000 });
  const columns = panel.locator('.zaui-picker-column');
  // Items read "01", "Tháng 10" or "2026" depending on the column: match the number at the end.
  for (const [index, text] of [date, month, year].entries()) {
    const number = new RegExp(`^\\D*0?${Number(text)}$`);
    await columns
      .nth(index)
      .locator('.zaui-picker-item')
      .filter({ hasText: number })
      .first()
      .dispatchEvent('click');
  }
  await panel.getByRole('button', { name: 'Xong' }).click();
  await panel.waitFor({ state: 'hidden', timeout: 5_000 });
}
