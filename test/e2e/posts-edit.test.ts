/**
 * Editing a post and its schedules at 360 px (issue 12 item 4): staff edit an approved post, are told
 * first that it goes back to the leader, and it does; the leader sends it back with a reason the author
 * then reads; staff pause and resume its schedule, each after a confirmation, and the server agrees.
 */

import { join } from 'node:path';
import { wardDayOf } from '@loa/shared';
import pg from 'pg';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SESSION_SECRET } from '../helpers/app.js';
import { signInWithDevPicker, tab } from '../helpers/dev-login.js';
import { confirmModal, noOverflow, type Product, startProduct } from '../helpers/e2e-product.js';
import { PHOTOS } from '../helpers/evidence.js';

interface Person {
  memberId: string;
  wardId: string;
  role: string;
  unitId: string | null;
  fullName: string;
  unitName: string;
}

describe('editing a post and its schedule at 360 px', () => {
  let product: Product;
  const people: Record<'leader' | 'staff', Person> = {} as never;
  let campaignId: string;
  const contexts: BrowserContext[] = [];

  async function phone(who: Person): Promise<{ page: Page; problems: string[] }> {
    const context = await product.browser.newContext({ viewport: { width: 360, height: 740 } });
    contexts.push(context);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await signInWithDevPicker(page, product.server.url, who);
    return { page, problems };
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
    for (const context of contexts) await context.close().catch(() => undefined);
    await product?.stop();
  });

  it('edits an approved post back to the leader, sends it back with a reason, pauses and resumes its schedule', {
    timeout: 240_000,
  }, async () => {
    // An approved post with a daily schedule over the next two days, made through the API.
    const body = 'Mời bà con đến nhà văn hóa khu phố học cài đặt VNeID mức 2.';
    const created = await product.api(people.staff, 'POST', '/api/posts', {
      campaignId,
      body,
      linkPath: '/',
    });
    expect(created.status).toBe(201);
    const approved = await product.api(people.leader, 'POST', `/api/posts/${created.json.id}/approve`, {
      version: created.json.version,
    });
    expect(approved.status).toBe(200);
    const groups = (await product.api(people.staff, 'GET', '/api/zalo-groups')).json.groups as {
      id: string;
      name: string;
    }[];
    const kp2 = groups.find((g) => g.name === 'Nhóm Zalo Khu phố 2')!;
    const day = (offset: number) => wardDayOf(new Date(Date.now() + offset * 86_400_000));
    const scheduled = await product.api(people.staff, 'POST', `/api/posts/${created.json.id}/schedules`, {
      kind: 'daily',
      timesOfDay: ['08:00', '17:00'],
      startsOn: day(1),
      endsOn: day(2),
      targets: { groupIds: [kp2.id] },
    });
    expect(scheduled.status, JSON.stringify(scheduled.json)).toBe(201);

    // Staff edit it: the form says first that an approved post goes back to the leader.
    const staff = await phone(people.staff);
    await tab(staff.page, 'Bài đăng');
    const card = staff.page.locator('.post-card', { hasText: 'học cài đặt VNeID' });
    await card.locator('.post-summary').click();
    await card.getByRole('button', { name: 'Sửa bài' }).click();
    await card
      .getByText('Bài này đã được duyệt. Lưu thay đổi sẽ đưa bài về “Chờ duyệt”', { exact: false })
      .waitFor();
    const edited = `${body} Mang theo căn cước công dân.`;
    await card.getByLabel('Nội dung bài đăng').fill(edited);
    await expect
      .poll(() => card.locator('.compose-form .group-preview-text').textContent())
      .toContain('Mang theo căn cước công dân.\n\nXem chi tiết: ');
    await card.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await confirmModal(staff.page, 'Lưu và gửi duyệt lại');
    await expect
      .poll(() => card.locator('.post-status').textContent(), { timeout: 15_000 })
      .toBe('Chờ duyệt');
    const afterEdit = (await product.api(people.staff, 'GET', `/api/posts/${created.json.id}`)).json;
    expect(afterEdit).toMatchObject({ status: 'draft', approvedBy: null, body: edited });

    // The leader sends it back with a reason.
    const leader = await phone(people.leader);
    await tab(leader.page, 'Bài đăng');
    const leaderCard = leader.page.locator('.post-card', { hasText: 'học cài đặt VNeID' });
    await leaderCard.locator('.post-summary').click();
    await leaderCard.getByRole('button', { name: 'Trả lại cho người soạn…' }).click();
    const reason = 'Ghi rõ giờ mở cửa của nhà văn hóa.';
    await leaderCard.getByLabel('Lý do trả lại (người soạn sẽ thấy)').fill(reason);
    await leaderCard.getByRole('button', { name: 'Trả lại bài' }).click();
    await confirmModal(leader.page, 'Trả lại');
    await expect
      .poll(() => leaderCard.locator('.post-status').textContent(), { timeout: 15_000 })
      .toBe('Bị trả lại');

    // The author reads why, then pauses and resumes the schedule, each after a confirmation.
    await tab(staff.page, 'Trang chủ');
    await tab(staff.page, 'Bài đăng');
    await expect
      .poll(() => card.locator('.post-status').textContent(), { timeout: 15_000 })
      .toBe('Bị trả lại');
    if (!(await card.locator('.post-detail').isVisible())) await card.locator('.post-summary').click();
    expect(await card.locator('.sent-back-note').textContent()).toContain(reason);
    const schedule = card.locator('.schedule-card');
    expect(await schedule.locator('.schedule-status').textContent()).toBe('Đang chạy');
    expect(await schedule.locator('.occurrence-row').count()).toBe(4);
    await schedule.getByRole('button', { name: 'Tạm dừng' }).first().click();
    await confirmModal(staff.page, 'Tạm dừng');
    await expect
      .poll(() => schedule.locator('.schedule-status').textContent(), { timeout: 15_000 })
      .toBe('Tạm dừng');
    const status = async () =>
      (await product.api(people.staff, 'GET', `/api/posts/${created.json.id}/schedules`)).json.schedules[0]
        .status;
    expect(await status()).toBe('paused');
    await schedule.getByRole('button', { name: 'Tiếp tục' }).first().click();
    await confirmModal(staff.page, 'Tiếp tục');
    await expect
      .poll(() => schedule.locator('.schedule-status').textContent(), { timeout: 15_000 })
      .toBe('Đang chạy');
    expect(await status()).toBe('active');
    // Future sends are still all there, each still changeable.
    expect(await schedule.getByRole('button', { name: 'Sửa lượt này' }).count()).toBe(4);

    // One send gets its own text (after a confirmation), then goes back to the post's own.
    const occurrences = async () =>
      (await product.api(people.staff, 'GET', `/api/posts/${created.json.id}/schedules`)).json.schedules[0]
        .occurrences as { bodyOverride: string | null }[];
    const firstSend = schedule.locator('.occurrence-row').first();
    await firstSend.getByRole('button', { name: 'Sửa lượt này' }).click();
    const ownText = 'Tối nay nhà văn hóa mở cửa đến 21 giờ.';
    await firstSend.getByLabel('Nội dung riêng cho lượt này').fill(ownText);
    await firstSend.getByRole('button', { name: 'Lưu nội dung riêng' }).click();
    await staff.page
      .locator('.zaui-modal-content', { hasText: 'Lưu nội dung riêng cho lượt này?' })
      .getByText('Lưu nội dung', { exact: true })
      .click();
    // The row's marker, not the words of the open form (its button says "Lưu nội dung riêng" already).
    await expect.poll(() => firstSend.textContent(), { timeout: 15_000 }).toContain('· nội dung riêng');
    expect((await occurrences())[0]!.bodyOverride).toBe(ownText);
    expect((await occurrences())[1]!.bodyOverride).toBeNull();
    await firstSend.getByRole('button', { name: 'Dùng lại nội dung chung' }).click();
    await expect.poll(async () => (await occurrences())[0]!.bodyOverride, { timeout: 15_000 }).toBeNull();

    for (const { page } of [staff, leader]) expect(await noOverflow(page)).toBeLessThanOrEqual(0);
    expect([...staff.problems, ...leader.problems]).toEqual([]);
  });

  it('attaches a photo to a new post: "Đính kèm ảnh", shown in the group preview, saved with the post', {
    timeout: 120_000,
  }, async () => {
    const staff = await phone(people.staff);
    await tab(staff.page, 'Bài đăng');
    await staff.page.getByRole('button', { name: 'Soạn bài mới' }).click({ timeout: 15_000 });
    const form = staff.page.locator('.compose-form');
    const body = 'Ảnh buổi hướng dẫn cài đặt VNeID tại nhà văn hóa khu phố 3.';
    await form.getByLabel('Nội dung bài đăng').fill(body);
    expect(await form.locator('.group-preview-image').count()).toBe(0);

    // Outside Zalo the app asks the browser for a file, as the album picker does inside it.
    const chooser = staff.page.waitForEvent('filechooser');
    await form.getByRole('button', { name: 'Đính kèm ảnh' }).click();
    await (await chooser).setFiles(join(PHOTOS, 'phone-nokia-8.3.jpg'));
    // The preview shows the image itself, decoded by the browser, above the text.
    const preview = form.locator('.group-preview-image');
    await expect
      .poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    await form.getByRole('button', { name: 'Đổi ảnh' }).waitFor();
    expect(await preview.evaluate((img) => img.getBoundingClientRect().right)).toBeLessThanOrEqual(360);

    await form.getByRole('button', { name: 'Lưu và gửi lãnh đạo duyệt' }).click();
    await staff.page.locator('.post-card', { hasText: 'Ảnh buổi hướng dẫn cài đặt VNeID' }).waitFor({
      timeout: 15_000,
    });
    const posts = (await product.api(people.staff, 'GET', '/api/posts')).json.posts as {
      body: string;
      imageSha256: string | null;
    }[];
    // The one image the server decoded and kept for this upload is the post's image.
    const client = new pg.Client({ connectionString: product.databaseUrl });
    await client.connect();
    const images = (
      await client
        .query(`SELECT sha256, width FROM post_images WHERE created_by = $1`, [people.staff.memberId])
        .finally(() => client.end())
    ).rows as { sha256: string; width: number }[];
    expect(images).toHaveLength(1);
    expect(images[0]!.width).toBeGreaterThan(0);
    expect(posts.filter((p) => p.body === body).map((p) => p.imageSha256)).toEqual([images[0]!.sha256]);
    expect(await noOverflow(staff.page)).toBeLessThanOrEqual(0);
    expect(staff.problems).toEqual([]);
  });
});
