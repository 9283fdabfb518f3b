/**
 * Opening the mini app again, as a team member on a weak network does every day: the app is installed
 * on the phone after the first open (its service worker keeps every file), Nhiệm vụ's last-known tasks
 * show at once with no network and say when they were fetched, sign-out forgets them, and neither the
 * first screen nor the installing asks any other host than ours.
 */
import pg from 'pg';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInWithDevPicker, tab } from '../helpers/dev-login.js';
import { type Product, startProduct } from '../helpers/e2e-product.js';

interface Member {
  fullName: string;
  unitName: string;
  titles: string[];
}

/** A team member of the demo ward whose team has tasks, with the titles of those tasks. */
async function memberWithTasks(databaseUrl: string): Promise<Member> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<Member>(
      `SELECT m.full_name AS "fullName", u.name AS "unitName", array_agg(t.title) AS titles
         FROM members m
         JOIN units u ON u.id = m.unit_id
         JOIN assignments a ON a.unit_id = m.unit_id
         JOIN tasks t ON t.id = a.task_id
        WHERE m.role = 'team_member'
        GROUP BY m.id, m.full_name, u.name
        ORDER BY m.full_name LIMIT 1`,
    );
    if (!rows[0]) throw new Error('the demo ward has no team member with tasks');
    return rows[0];
  } finally {
    await client.end();
  }
}

/** Waits until the app is installed (service worker active) and `kept` is among the kept answers. */
async function installed(page: Page, kept: string) {
  await expect
    .poll(
      () =>
        page.evaluate(async (key) => {
          const registration = await navigator.serviceWorker.getRegistration();
          const stored = window.localStorage.getItem('loa.last-known') ?? '';
          return registration?.active?.state === 'activated' && stored.includes(key);
        }, kept),
      { timeout: 60_000, interval: 250 },
    )
    .toBe(true);
}

/** Closes the app and opens it again at `path`, as a person does from Zalo. */
async function reopen(page: Page, url: string) {
  await page.goto('about:blank');
  await page.goto(url);
}

describe('the mini app opened again on a phone', () => {
  let product: Product;
  let member: Member;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    product = await startProduct();
    member = await memberWithTasks(product.databaseUrl);
    context = await product.browser.newContext({ viewport: { width: 360, height: 740 } });
    // The context's requests include the service worker's own (the files it installs).
    context.on('request', (request) => requests.push(request.url()));
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await product?.stop();
  });

  it('shows the team’s last-known tasks with no network, saying when they were updated', async () => {
    await signInWithDevPicker(page, product.server.url, member);
    await tab(page, 'Nhiệm vụ');
    const firstTask = page.locator('.card-button', { hasText: member.titles[0]! }).first();
    await firstTask.waitFor({ timeout: 15_000 });
    await installed(page, '"assignments"');

    await context.setOffline(true);
    try {
      await reopen(page, `${product.server.url}/#/tasks`);
      await firstTask.waitFor({ timeout: 15_000 });
      const updated = page.locator('.last-updated');
      await expect
        .poll(() => updated.textContent(), { timeout: 15_000 })
        .toMatch(
          // "Cập nhật lúc 01/12/2026 14:05 · Chưa có mạng…" (or "Chưa cập nhật được…" once the try failed)
          /^Cập nhật lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} · (Chưa có mạng|Chưa cập nhật được)/,
        );
      expect(await page.locator('.card-button').count()).toBe(member.titles.length);
    } finally {
      await context.setOffline(false);
    }
  });

  it('forgets the tasks on sign-out: opened again offline, it asks to sign in and shows none', async () => {
    await reopen(page, product.server.url);
    await page.locator('.session-bar').getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('dialog').getByText('Đăng xuất', { exact: true }).click();
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor({ timeout: 15_000 });
    const kept = await page.evaluate(() => window.localStorage.getItem('loa.last-known') ?? '');
    expect(kept).not.toContain('"assignments"');
    for (const title of member.titles) expect(kept).not.toContain(title);

    await context.setOffline(true);
    try {
      await reopen(page, `${product.server.url}/#/tasks`);
      // The installed app still opens with no network; the tasks are gone with the session.
      await page.getByText('Bạn cần đăng nhập bằng Zalo để xem mục này.').waitFor({ timeout: 15_000 });
      expect(await page.locator('.card-button').count()).toBe(0);
      await reopen(page, product.server.url);
      // Trang chủ's public part is kept (it is the ward's, not the member's).
      await page.locator('.ward-name').waitFor({ timeout: 15_000 });
    } finally {
      await context.setOffline(false);
    }
  });

  it('asks no other host than ours, for the first screen or for installing the app', async () => {
    const ours = new URL(product.server.url).host;
    expect(requests.length).toBeGreaterThan(10);
    const elsewhere = requests.filter((url) => /^https?:/.test(url) && new URL(url).host !== ours);
    expect(elsewhere).toEqual([]);
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys())
        for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      return urls;
    });
    expect(cached.length).toBeGreaterThan(10);
    expect(cached.filter((url) => new URL(url).host !== ours)).toEqual([]);
  });
});
