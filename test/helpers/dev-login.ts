import type { Browser, Page } from 'playwright-core';

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

/** A fresh phone-sized browser context (its own storage) with the person signed in. */
export async function openSignedIn(
  browser: Browser,
  baseUrl: string,
  who: { unitName: string; fullName: string },
  options: { clipboard?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  // Outside Zalo "Chia sẻ vào nhóm" copies the text; such tests let the page use the clipboard.
  if (options.clipboard)
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  const page = await context.newPage();
  await signInWithDevPicker(page, baseUrl, who);
  return page;
}

/** Taps a bottom-navigation tab by its Vietnamese label. */
export const tab = (page: Page, label: string) =>
  page.locator('.zaui-bottom-navigation-item').filter({ hasText: label }).click();
