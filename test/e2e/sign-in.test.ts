import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Product, startProduct } from '../helpers/e2e-product.js';
import type { ServerProcess } from '../helpers/server-process.js';

describe('development sign-in and the Zalo simulator page', () => {
  let server: ServerProcess;
  let browser: Browser;
  let product: Product;

  beforeAll(async () => {
    product = await startProduct();
    ({ server, browser } = product);
  });
  afterAll(() => product?.stop());

  it('a team member picked in the dev-login list is signed in and the app shows their name', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page
      .getByRole('heading', { name: 'Tổ Công nghệ số cộng đồng Khu phố 2' })
      .waitFor({ timeout: 15_000 });
    const person = page
      .locator('section', { has: page.getByRole('heading', { name: 'Tổ Công nghệ số cộng đồng Khu phố 2' }) })
      .locator('.dev-person')
      .first();
    const name = (await person.locator('span').textContent()) ?? '';
    expect(name.length).toBeGreaterThan(3);
    await person.click();
    await expect.poll(() => page.locator('.session-name').textContent(), { timeout: 15_000 }).toBe(name);
    expect(await page.textContent('.session-bar')).toContain('Tổ Công nghệ số cộng đồng Khu phố 2');
    // Greeted by the name they are called by: the last word of the full name.
    expect(await page.textContent('.session-greeting')).toBe(
      `Chào anh/chị ${name.trim().split(/\s+/).at(-1)}`,
    );
    // The session survives a reload (stored), and signing out returns to the sign-in button.
    await page.reload();
    await expect.poll(() => page.locator('.session-name').textContent(), { timeout: 15_000 }).toBe(name);
    // Signing out asks first; then the server revokes the token, so a copy of it stops working too.
    const stored = await page.evaluate(() => window.localStorage.getItem('loa.session'));
    const token = (JSON.parse(stored ?? '{}') as { token?: string }).token;
    expect(token).toBeTruthy();
    await page.locator('.session-bar').getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('dialog').getByText('Đăng xuất', { exact: true }).click();
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    const afterSignOut = await fetch(`${server.url}/api/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(afterSignOut.status).toBe(401);
    expect(errors).toEqual([]);
  });

  it('the long dev-login list is searched without marks, and a resident is greeted by their Zalo name', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const search = page.getByLabel('Tìm theo tên, đơn vị hoặc vai trò');
    await search.waitFor({ timeout: 15_000 });
    const everyone = await page.locator('.dev-person').count();
    expect(everyone).toBeGreaterThan(40);
    await search.fill('pham van nam');
    await expect.poll(() => page.locator('.dev-person').count()).toBe(1);
    expect(await page.locator('.dev-person span').textContent()).toBe('Phạm Văn Nam');
    expect(await page.getByRole('heading', { name: 'Cư dân Khu phố 2' }).count()).toBe(1);
    expect(await page.getByRole('status').textContent()).toBe('1 người khớp');
    // A role finds everyone with it; nonsense finds no one and says so.
    await search.fill('nguoi dan');
    await expect.poll(() => page.locator('.dev-person').count()).toBe(3);
    await search.fill('khong ai co ten nay');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Không có ai khớp');
    expect(await page.locator('.dev-person').count()).toBe(0);
    await search.fill('Phạm Văn Nam');
    await page.locator('.dev-person').click();
    await expect
      .poll(() => page.locator('.session-greeting').textContent(), { timeout: 15_000 })
      .toBe('Chào Phạm Văn Nam');
    // After a reload the server's profile has no Zalo name; the greeting keeps it.
    await page.reload();
    await expect
      .poll(() => page.locator('.session-greeting').textContent(), { timeout: 15_000 })
      .toBe('Chào Phạm Văn Nam');
  });

  it('the simulator page lists the 17 khu phố groups and shows what a resident writes', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
    await page.goto(`${server.url}/sim`);
    await page.getByRole('button', { name: /Nhóm Zalo Khu phố 17/ }).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('button', { name: /^Nhóm Zalo Khu phố \d+/ }).count()).toBe(17);
    await page.locator('nav button[data-key="g700112233445560001"]').click();
    await page.getByLabel('Tin nhắn').fill('Xin chào cả khu phố');
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
    await expect.poll(() => page.textContent('#log'), { timeout: 10_000 }).toContain('Xin chào cả khu phố');
  });
});
