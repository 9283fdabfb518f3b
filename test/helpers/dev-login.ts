import type { Page } from 'playwright-core';

/**
 * Signs a seeded person in the way a developer does on a desktop browser: the mini app finds no Zalo
 * token, offers the simulator's people grouped by unit, and the picked person gets a real session.
 */
export async function signInWithDevPicker(
  page: Page,
  baseUrl: string,
  who: { unitName: string; fullName: string },
) {
  await page.goto(baseUrl);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  const unit = page.locator('section', {
    has: page.getByRole('heading', { name: who.unitName, exact: true }),
  });
  await unit.waitFor({ timeout: 15_000 });
  await unit.locator('.dev-person', { hasText: who.fullName }).first().click();
  await page.locator('.session-name', { hasText: who.fullName }).waitFor({ timeout: 15_000 });
}
