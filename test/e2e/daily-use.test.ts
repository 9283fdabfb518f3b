/**
 * The mini app as people use it every day, on a 360 × 740 phone against the demo as `npm start` seeds
 * it: nothing is loaded from another host, the board explains itself and keeps its headers, giving a
 * task to every team asks first, a screen whose code cannot load says so and recovers with "Thử lại",
 * and a post can be scheduled on today's date because the demo plan is placed around today.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { wardDayOf } from '@loa/shared';
import pg from 'pg';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/src/config.js';
import { TEST_SESSION_SECRET } from '../helpers/app.js';
import { signInWithDevPicker, tab } from '../helpers/dev-login.js';
import { noOverflow, type Product, startProduct } from '../helpers/e2e-product.js';
import { pickTime, wardField } from '../helpers/pickers.js';

interface Person {
  memberId: string;
  wardId: string;
  role: string;
  unitId: string | null;
  fullName: string;
  unitName: string;
}

describe('the mini app every day at 360 px', () => {
  let product: Product;
  const people: Record<'leader' | 'staff', Person> = {} as never;
  let campaignId: string;
  const contexts: BrowserContext[] = [];

  /** A phone-sized page signed in as `who`, recording every request and every console error. */
  async function phone(who: Person) {
    const context = await product.browser.newContext({ viewport: { width: 360, height: 740 } });
    contexts.push(context);
    const page = await context.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await signInWithDevPicker(page, product.server.url, who);
    return { page, requests, problems };
  }

  beforeAll(async () => {
    product = await startProduct({ SESSION_SECRET: TEST_SESSION_SECRET });
    const client = new pg.Client({ connectionString: product.databaseUrl });
    await client.connect();
    try {
      const person = async (name: string) =>
        (
          await client.query<Person>(
            `SELECT id AS "memberId", ward_id AS "wardId", role, unit_id AS "unitId", full_name AS "fullName",
                    (SELECT name FROM units WHERE units.id = members.unit_id) AS "unitName"
               FROM members WHERE full_name = $1`,
            [name],
          )
        ).rows[0]!;
      people.leader = await person('Bùi Văn Điệp');
      people.staff = await person('Nguyễn Thị Nhi');
      campaignId = (await client.query(`SELECT id FROM campaigns WHERE status = 'active'`)).rows[0].id;
    } finally {
      await client.end();
    }
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await product?.stop();
  });

  it('loads everything from our own server, icons included, with no CSP error', async () => {
    const { page, requests, problems } = await phone(people.staff);
    for (const label of ['Kế hoạch', 'Bài đăng', 'Tiến độ', 'Minh chứng', 'Trang chủ']) {
      await tab(page, label);
      await page.waitForLoadState('networkidle');
    }
    await tab(page, 'Kế hoạch');
    await page.locator('.card-button').first().click();
    await page.locator('.zaui-header-back-btn, .zaui-header-back').first().waitFor({ timeout: 10_000 });
    await page.waitForLoadState('networkidle');

    const origin = new URL(product.server.url).origin;
    const elsewhere = requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('blob:'));
    expect(elsewhere).toEqual([]);
    // Icons are drawn, not printed as their names ("zi_chevron_left").
    expect(await page.textContent('body')).not.toMatch(/zi_[a-z_]+/);
    expect(await page.locator('.zaui-header i.zaui-icon svg').count()).toBeGreaterThan(0);
    expect(problems.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
  });

  it('shows the board with a legend, a scroll hint, and headers that stay while it scrolls', async () => {
    const { page } = await phone(people.staff);
    await tab(page, 'Tiến độ');
    const scroller = page.locator('.board-scroll');
    await scroller.waitFor({ timeout: 15_000 });

    const legend = (await page.locator('.board-legend').textContent()) ?? '';
    for (const words of ['Chưa nhận', 'Đã nhận', 'Đã báo cáo', 'Đạt', 'Cần bổ sung', 'trễ hạn', 'NV1']) {
      expect(legend).toContain(words);
    }
    // The plan's tasks do not fit 360 px: the hint names the columns waiting to the right.
    const taskCount = (await page.locator('.board thead th').count()) - 1;
    expect(await page.locator('.board-hint').textContent()).toMatch(
      new RegExp(`^Vuốt sang trái để xem NV\\d+–NV${taskCount} →$`),
    );

    const header = page.locator('.board thead th').nth(1);
    const firstTeam = page.locator('.board tbody th[scope="row"]').first();
    await scroller.evaluate((element) => element.scrollTo(400, 300));
    await page.waitForTimeout(200);
    expect(await scroller.evaluate((element) => [element.scrollLeft > 0, element.scrollTop > 0])).toEqual([
      true,
      true,
    ]);
    // The header row is still at the top of the grid, the team column still at its left.
    const box = (await scroller.boundingBox())!;
    expect(Math.abs((await header.boundingBox())!.y - box.y)).toBeLessThanOrEqual(2);
    const teamBox = (await page.locator('.board tbody th[scope="row"]').nth(8).boundingBox())!;
    expect(Math.abs(teamBox.x - box.x)).toBeLessThanOrEqual(2);
    expect(await firstTeam.textContent()).toContain('Tổ CNS KP1');

    const cell = (await page.locator('.board-cell[data-assignment]').first().boundingBox())!;
    expect(Math.min(cell.width, cell.height)).toBeGreaterThanOrEqual(44);
    const overflow = await noOverflow(page);
    expect(overflow).toBeLessThanOrEqual(0);
    // The tab bar's labels fit on one line each.
    const labels = page.locator('.zaui-bottom-navigation-item-label');
    for (let i = 0; i < (await labels.count()); i++) {
      const fits = await labels.nth(i).evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
      expect(fits).toBe(true);
    }
  });

  it('asks before giving a task to every team, and sends nothing until confirmed', async () => {
    const { page } = await phone(people.staff);
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/assignments')) posts.push(request.url());
    });
    await page.goto(`${product.server.url}/#/campaigns/${campaignId}`);
    const first = page.getByRole('button', { name: 'Giao cho tất cả các tổ' }).first();
    await first.waitFor({ timeout: 15_000 });
    await first.click();
    // zmp-ui keeps every card's modal in the page; the open one is the visible one.
    const dialog = page.locator('.zaui-modal-content:visible', { hasText: 'Giao cho tất cả các tổ?' });
    await dialog.waitFor({ timeout: 5_000 });
    expect(await dialog.textContent()).toContain('cả 17 tổ công nghệ số');
    await dialog.getByText('Hủy', { exact: true }).click();
    await page.waitForTimeout(300);
    expect(posts).toEqual([]);

    await first.click();
    const answer = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().includes('/assignments'),
    );
    await dialog.getByText('Giao cho tất cả', { exact: true }).click();
    expect((await answer).status()).toBeLessThan(300);
    expect(posts).toHaveLength(1);
  });

  it('keeps a screen whose code cannot load inside its own frame, and “Thử lại” loads it', async () => {
    const chunk = readdirSync(join(REPO_ROOT, 'mini-app', 'dist', 'assets')).find((file) =>
      /^board\.[^.]+\.module\.js$/.test(file),
    );
    expect(chunk).toBeTruthy();
    const { page } = await phone(people.staff);
    const blocked = `**/assets/${chunk}`;
    await page.route(blocked, (route) => route.abort('internetdisconnected'));
    await tab(page, 'Tiến độ');
    await page.getByText('Không tải được màn hình này').waitFor({ timeout: 15_000 });
    // The rest of the app still works: the tab bar is there.
    expect(await page.locator('.zaui-bottom-navigation-item').count()).toBeGreaterThan(1);

    await page.unroute(blocked);
    await page.getByRole('button', { name: 'Thử lại' }).click();
    const board = page.locator('.board-scroll');
    // A browser that remembers the failed download needs the second "Thử lại", which reloads the app
    // onto the same screen.
    const loaded = await board.waitFor({ timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    if (!loaded) {
      await page.getByRole('button', { name: 'Thử lại' }).click();
    }
    await board.waitFor({ timeout: 15_000 });
  });

  it('schedules a post on today’s date: the demo plan is placed around today', async () => {
    const created = await product.api(people.staff, 'POST', '/api/posts', {
      campaignId,
      body: 'Mời bà con tham gia Ngày hội chuyển đổi số tại nhà văn hóa khu phố.',
      linkPath: '/',
    });
    expect(created.status).toBe(201);
    const approved = await product.api(people.leader, 'POST', `/api/posts/${created.json.id}/approve`, {
      version: created.json.version,
    });
    expect(approved.status).toBe(200);

    const { page } = await phone(people.staff);
    await tab(page, 'Bài đăng');
    const card = page.locator('.post-card', { hasText: 'Ngày hội chuyển đổi số' });
    await card.locator('.post-summary').click();
    const form = card.locator('.schedule-form');
    await form.getByLabel('Một lần').check();
    const today = wardDayOf(new Date());
    expect(await wardField(form, 'Ngày gửi').inputValue()).toBe(today.split('-').reverse().join('/'));
    await pickTime(page, form, 'Giờ gửi', '23:59');
    await form
      .locator('label.target-option', { hasText: /^ ?Nhóm Zalo Khu phố 2 ·/ })
      .locator('input')
      .check();
    await form.getByRole('button', { name: 'Lên lịch gửi' }).click();
    await form.getByRole('status').filter({ hasText: 'Đã lên lịch.' }).waitFor({ timeout: 15_000 });
    expect(await form.getByRole('alert').count()).toBe(0);
  });
});
