/**
 * A resident on a 360 px phone, not signed in, opens the "Xem chi tiết" link of a post the ward sent
 * into a khu phố group: the mini app opens that post in that ward; Trang chủ then lists only what was
 * sent (not the approved post waiting, not the draft). A second ward's link opens the second ward, and
 * a post id of another ward is not found there. The post goes through the real server: written and
 * approved by API, scheduled, sent by the server's scheduler to the Zalo simulator.
 */
import pg from 'pg';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SESSION_SECRET } from '../helpers/app.js';
import { type Product, startProduct } from '../helpers/e2e-product.js';

interface Person {
  memberId: string;
  wardId: string;
  role: string;
  unitId: string | null;
}

describe('a resident opens a shared post link', () => {
  let product: Product;
  const people: Record<'leader' | 'staff', Person> = {} as never;
  let campaignId: string;
  let group: { id: string; zaloGroupId: string };
  const contexts: BrowserContext[] = [];
  const sentBody = `Mời bà con tham gia Ngày hội chuyển đổi số ${Date.now()}\n\nSáng Chủ nhật tại nhà văn hóa khu phố 1.`;
  const waitingBody = 'Bài đã duyệt, chờ đến giờ gửi: cư dân chưa được thấy';
  const draftBody = 'Bài nháp chưa duyệt: cư dân không được thấy';
  const second = {
    slug: 'phuong-thu-hai',
    name: 'Phường Thử Hai',
    postId: '',
    body: 'Tin riêng của Phường Thử Hai',
  };
  let sentId: string;

  const write = async (body: string, approve: boolean) => {
    const created = await product.api(people.staff, 'POST', '/api/posts', { campaignId, body });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    if (approve) {
      const approved = await product.api(people.leader, 'POST', `/api/posts/${created.json.id}/approve`, {
        version: created.json.version,
      });
      expect(approved.status).toBe(200);
    }
    return created.json.id as string;
  };

  /** A resident's phone: a fresh browser, nobody signed in; records page errors. */
  async function residentPhone(url: string): Promise<{ page: Page; errors: string[] }> {
    const context = await product.browser.newContext({ viewport: { width: 360, height: 740 } });
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    return { page, errors };
  }

  beforeAll(async () => {
    product = await startProduct({ SESSION_SECRET: TEST_SESSION_SECRET, SCHEDULER: 'true' });
    const client = new pg.Client({ connectionString: product.databaseUrl });
    await client.connect();
    try {
      const person = async (name: string) =>
        (
          await client.query<Person>(
            `SELECT id AS "memberId", ward_id AS "wardId", role, unit_id AS "unitId" FROM members WHERE full_name = $1`,
            [name],
          )
        ).rows[0]!;
      people.leader = await person('Bùi Văn Điệp');
      people.staff = await person('Nguyễn Thị Nhi');
      campaignId = (await client.query(`SELECT id FROM campaigns WHERE status = 'active'`)).rows[0].id;
      group = (
        await client.query(
          `SELECT id, zalo_group_id AS "zaloGroupId" FROM zalo_groups
            WHERE delivery_mode = 'oa_group' AND zalo_group_id IS NOT NULL ORDER BY name LIMIT 1`,
        )
      ).rows[0];

      // A second ward with one post that reached its group (a fixture: its sending is not under test).
      const ward = (
        await client.query(
          `INSERT INTO wards (slug, name, place_name, level, province)
           VALUES ($1, $2, 'Thử Hai', 'phuong', 'Đồng Nai') RETURNING id`,
          [second.slug, second.name],
        )
      ).rows[0].id;
      const campaign = (
        await client.query(
          `INSERT INTO campaigns (ward_id, title, theme, starts_on, ends_on, status)
           VALUES ($1, 'Kế hoạch của phường thứ hai', 'Chủ đề', current_date - 1, current_date + 5, 'active') RETURNING id`,
          [ward],
        )
      ).rows[0].id;
      second.postId = (
        await client.query(
          `INSERT INTO posts (ward_id, campaign_id, body, status, approved_at) VALUES ($1, $2, $3, 'approved', now()) RETURNING id`,
          [ward, campaign, second.body],
        )
      ).rows[0].id;
      const schedule = (
        await client.query(
          `INSERT INTO schedules (ward_id, post_id, kind, run_at) VALUES ($1, $2, 'once', now()) RETURNING id`,
          [ward, second.postId],
        )
      ).rows[0].id;
      const occurrence = (
        await client.query(
          `INSERT INTO occurrences (ward_id, schedule_id, post_id, due_at, status, dispatched_at)
           VALUES ($1, $2, $3, now(), 'dispatched', now()) RETURNING id`,
          [ward, schedule, second.postId],
        )
      ).rows[0].id;
      await client.query(
        `INSERT INTO deliveries (ward_id, occurrence_id, target_kind, target_key, status, sent_at, body)
         VALUES ($1, $2, 'oa_group', 'g-thu-hai', 'sent', now(), $3)`,
        [ward, occurrence, second.body],
      );
    } finally {
      await client.end();
    }

    // Dầu Giây: one post sent by the scheduler a few seconds from now, one approved and waiting, one draft.
    sentId = await write(sentBody, true);
    const scheduled = await product.api(people.staff, 'POST', `/api/posts/${sentId}/schedules`, {
      kind: 'once',
      runAt: new Date(Date.now() + 3_000).toISOString(),
      targets: { groupIds: [group.id] },
    });
    expect(scheduled.status, JSON.stringify(scheduled.json)).toBe(201);
    await write(waitingBody, true);
    await write(draftBody, false);
    // The scheduler sends it within seconds (expect.poll is for tests only, so a plain wait here).
    const deadline = Date.now() + 60_000;
    while ((await fetch(`${product.server.url}/api/public/wards/dau-giay/posts/${sentId}`)).status !== 200) {
      if (Date.now() > deadline) throw new Error('the scheduled post was not sent within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }, 120_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await product?.stop();
  });

  it('opens the sent post from the link the group received, then Trang chủ lists only what was sent', async () => {
    // The link exactly as the khu phố group received it (the simulator records the message).
    const messages = (
      await (await fetch(`${product.server.url}/sim/api/messages?groupId=${group.zaloGroupId}`)).json()
    ).messages as { text?: string }[];
    const received = messages.find((m) => m.text?.includes(sentBody.split('\n')[0]!));
    const link = /Xem chi tiết: (\S+)$/.exec(received?.text ?? '')?.[1];
    expect(link).toBe(`https://zalo.me/s/loa-phuong/?ward=dau-giay&post=${sentId}`);
    // Zalo opens the mini app with the link's path and query; here the app is served by our server.
    const opened = link!.replace('https://zalo.me/s/loa-phuong', product.server.url);

    const { page, errors } = await residentPhone(opened);
    const article = page.locator('article.sent-post');
    await article.waitFor({ timeout: 20_000 });
    expect(await article.locator('.ward-name-small').textContent()).toBe('Phường Dầu Giây');
    expect(await article.locator('h1').textContent()).toBe(sentBody.split('\n')[0]);
    expect(await article.textContent()).toContain('Sáng Chủ nhật tại nhà văn hóa khu phố 1.');
    expect(await article.textContent()).not.toContain('Xem chi tiết');
    expect(await article.textContent()).toMatch(/Đã gửi lúc \d\d\/\d\d\/\d{4} \d\d:\d\d/);
    let overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // On to the ward's other news: only what was sent, the newest first.
    await page.getByRole('button', { name: 'Xem các tin khác của phường' }).click();
    const list = page.getByRole('list', { name: 'Tin phường đã gửi' });
    await list.waitFor({ timeout: 15_000 });
    const text = (await page.textContent('body')) ?? '';
    expect(text).toContain('Phường Dầu Giây');
    expect(text).toContain(sentBody.split('\n')[0]);
    expect(text).not.toContain(waitingBody);
    expect(text).not.toContain(draftBody);
    expect(text).not.toContain(second.body);
    overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // Its card opens the post again.
    await list.getByRole('button', { name: new RegExp(sentBody.split('\n')[0]!.slice(0, 30)) }).click();
    await page.locator('article.sent-post h1').waitFor({ timeout: 15_000 });
    expect(errors).toEqual([]);
  });

  it('a link of the second ward opens that ward; a Dầu Giây post is not found there', async () => {
    const { page, errors } = await residentPhone(
      `${product.server.url}/?ward=${second.slug}&post=${second.postId}`,
    );
    const article = page.locator('article.sent-post');
    await article.waitFor({ timeout: 20_000 });
    expect(await article.locator('.ward-name-small').textContent()).toBe(second.name);
    expect(await article.textContent()).toContain(second.body);
    await page.getByRole('button', { name: 'Xem các tin khác của phường' }).click();
    await page.getByRole('list', { name: 'Tin phường đã gửi' }).waitFor({ timeout: 15_000 });
    const home = (await page.textContent('body')) ?? '';
    expect(home).toContain(second.name);
    expect(home).toContain(second.body);
    expect(home).not.toContain(sentBody.split('\n')[0]);

    const wrong = await residentPhone(`${product.server.url}/?ward=${second.slug}&post=${sentId}`);
    await wrong.page
      .getByRole('alert')
      .filter({ hasText: `Không tìm thấy bài này trong tin đã gửi của ${second.name}` })
      .waitFor({ timeout: 20_000 });
    expect([...errors, ...wrong.errors]).toEqual([]);
  });
});
