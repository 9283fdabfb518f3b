/**
 * The broadcast flow as people see it, each in their own 360 px browser signed in through the
 * development login picker: staff compose a post (live count, group preview), the leader approves it
 * in Duyệt, staff schedule it to an OA group (KP1) and a team-shared group (KP4), the server's
 * scheduler sends it, a KP4 team member shares it and confirms, and staff watch both rows of the
 * delivery ledger.
 */
import { POST_MAX_CHARS } from '@loa/shared';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SESSION_SECRET } from '../helpers/app.js';
import { openSignedIn, tab } from '../helpers/dev-login.js';
import { type Product, startProduct } from '../helpers/e2e-product.js';
import { pickTime, wardField } from '../helpers/pickers.js';
import type { ServerProcess } from '../helpers/server-process.js';

interface Person {
  fullName: string;
  unitName: string;
}

const WARD_TZ = 'Asia/Ho_Chi_Minh';
/** The day (yyyy-mm-dd) and HH:MM of an instant in the ward's time zone. */
function wardClock(at: Date): { day: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: WARD_TZ,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

describe('compose, approve, schedule, send, share', () => {
  let server: ServerProcess;
  let browser: Browser;
  let databaseUrl: string;
  let product: Product;
  const people: Record<'leader' | 'staff' | 'member', Person> = {} as never;
  let kp1ZaloGroupId: string;

  const open = (who: Person): Promise<Page> => openSignedIn(browser, server.url, who, { clipboard: true });
  const confirmModal = (page: Page, action: string) =>
    page.locator('.zaui-modal-content').getByText(action, { exact: true }).click();
  const ledgerRow = (page: Page, group: string) =>
    page.locator('.ledger-row', { has: page.locator('strong', { hasText: new RegExp(`^${group}$`) }) });

  beforeAll(async () => {
    product = await startProduct({ SESSION_SECRET: TEST_SESSION_SECRET, SCHEDULER: 'true' });
    ({ server, browser, databaseUrl } = product);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      // No date moved here: the server seeds the demo plan around today, so a post can go out now.
      const person = async (where: string) =>
        (
          await client.query<Person>(
            `SELECT full_name AS "fullName",
                    (SELECT name FROM units WHERE units.id = members.unit_id) AS "unitName"
               FROM members WHERE ${where} ORDER BY full_name LIMIT 1`,
          )
        ).rows[0]!;
      people.leader = await person(`full_name = 'Bùi Văn Điệp'`);
      people.staff = await person(`full_name = 'Nguyễn Thị Nhi'`);
      people.member = await person(
        `role IN ('team_member', 'team_lead')
         AND unit_id = (SELECT id FROM units WHERE name = 'Tổ Công nghệ số cộng đồng Khu phố 4')`,
      );
      kp1ZaloGroupId = (
        await client.query(`SELECT zalo_group_id FROM zalo_groups WHERE name = 'Nhóm Zalo Khu phố 1'`)
      ).rows[0].zalo_group_id;
    } finally {
      await client.end();
    }
    expect(people.staff.unitName).toBe('Phòng Văn hóa - Xã hội');
    expect(people.leader.unitName).toBe('Lãnh đạo UBND phường');
    expect(kp1ZaloGroupId).toBeTruthy();
  });
  afterAll(() => product?.stop());

  it('staff see KP1 sent by the OA and KP4 shared by the team', { timeout: 240_000 }, async () => {
    const body =
      'Hưởng ứng Ngày Chuyển đổi số quốc gia: mời bà con cài đặt VNeID mức 2 tại nhà văn hóa khu phố, sáng Chủ nhật từ 7 giờ.';
    const errors: string[] = [];
    const watch = (page: Page) => page.on('pageerror', (error) => errors.push(error.message));

    // Staff compose: the count and the Zalo-group preview follow the text as it is typed.
    const staff = await open(people.staff);
    watch(staff);
    await tab(staff, 'Bài đăng');
    await staff.getByRole('button', { name: 'Soạn bài mới' }).click();
    const text = staff.getByLabel('Nội dung bài đăng');
    // The preview is the saved post exactly: the text, then the "Xem chi tiết" line with its link, and
    // the count is of all of it.
    const preview = staff.locator('.compose-form .group-preview-text');
    const count = staff.locator('.char-count');
    const counted = async () =>
      `${(await preview.textContent())?.length}/${POST_MAX_CHARS} ký tự (gồm dòng “Xem chi tiết”)`;
    await text.fill('Hưởng ứng');
    await expect
      .poll(() => preview.textContent())
      .toMatch(/^Hưởng ứng\n\nXem chi tiết: \S+post=[0-9a-f-]{36}$/);
    await expect.poll(() => count.textContent()).toBe(await counted());
    await text.fill(body);
    await expect
      .poll(() => preview.textContent())
      .toMatch(new RegExp(`^${body.slice(0, 40)}[^]*\n\nXem chi tiết: \\S+post=[0-9a-f-]{36}$`));
    await expect.poll(async () => (await count.textContent()) === (await counted())).toBe(true);
    const shown = await preview.textContent();
    await staff.getByRole('button', { name: 'Lưu và gửi lãnh đạo duyệt' }).click();
    const staffCard = staff.locator('.post-card', { hasText: body.slice(0, 60) });
    await expect.poll(() => staffCard.locator('.post-status').textContent()).toBe('Chờ duyệt');
    // What was previewed is what the server saved.
    if (!(await staffCard.locator('.post-detail').isVisible()))
      await staffCard.locator('.post-summary').click();
    expect(await staffCard.locator('.post-detail .group-preview-text').textContent()).toBe(shown);

    // The leader finds it in Duyệt, reads it as the groups will, and approves after confirming.
    const leader = await open(people.leader);
    watch(leader);
    await tab(leader, 'Duyệt');
    const reviewCard = leader.locator('.card', { hasText: body.slice(0, 60) });
    expect(await reviewCard.locator('.group-preview-text').textContent()).toContain(body);
    await reviewCard.getByRole('button', { name: 'Duyệt bài' }).click();
    await confirmModal(leader, 'Duyệt');
    await expect
      .poll(() => leader.textContent('body'), { timeout: 15_000 })
      .toContain('Không có bài đăng nào chờ duyệt.');
    await tab(leader, 'Bài đăng');
    const leaderCard = leader.locator('.post-card', { hasText: body.slice(0, 60) });
    await expect
      .poll(() => leaderCard.locator('.post-status').textContent(), { timeout: 15_000 })
      .toBe('Đã duyệt');

    // Approval is not publication: a resident's Trang chủ does not list it before it is sent.
    const residentHome = async () => {
      const resident = await browser.newPage({ viewport: { width: 360, height: 740 } });
      await resident.goto(server.url);
      await resident.getByRole('heading', { name: 'Tin phường đã gửi' }).waitFor({ timeout: 15_000 });
      const texts = await resident.locator('.campaign-post-body').allTextContents();
      await resident.close();
      return texts;
    };
    expect(await residentHome()).not.toContain(body);
    await tab(staff, 'Trang chủ');
    await staff.getByRole('heading', { name: 'Tin phường đã gửi' }).waitFor({ timeout: 15_000 });
    expect(await staff.locator('.campaign-post-body').allTextContents()).not.toContain(body);
    // Back in Bài đăng staff see it approved and schedule it once, a little ahead, to KP1 and KP4.
    await tab(staff, 'Bài đăng');
    await expect
      .poll(() => staffCard.locator('.post-status').textContent(), { timeout: 15_000 })
      .toBe('Đã duyệt');
    if (!(await staffCard.locator('.schedule-form').isVisible()))
      await staffCard.locator('.post-summary').click();
    const form = staffCard.locator('.schedule-form');
    const at = wardClock(new Date(Math.ceil((Date.now() + 40_000) / 60_000) * 60_000));
    await form.getByLabel('Một lần').check();
    // The day is today's, shown as dd/mm/yyyy; the time is picked in 24-hour Vietnam time.
    expect(await wardField(form, 'Ngày gửi').inputValue()).toBe(at.day.split('-').reverse().join('/'));
    await pickTime(staff, form, 'Giờ gửi', at.time);
    expect(await wardField(form, 'Giờ gửi').inputValue()).toBe(at.time);
    await form
      .locator('label.target-option', { hasText: /^ ?Nhóm Zalo Khu phố 1 ·/ })
      .locator('input')
      .check();
    await form
      .locator('label.target-option', { hasText: /^ ?Nhóm Zalo Khu phố 4 ·/ })
      .locator('input')
      .check();
    await form.getByRole('button', { name: 'Lên lịch gửi' }).click();
    await form.getByRole('status').filter({ hasText: 'Đã lên lịch.' }).waitFor({ timeout: 15_000 });

    // The scheduler sends KP1 through the OA; KP4 waits for its team.
    const kp1 = ledgerRow(staff, 'Nhóm Zalo Khu phố 1');
    const kp4 = ledgerRow(staff, 'Nhóm Zalo Khu phố 4');
    await expect.poll(() => kp1.locator('.ledger-status').textContent(), { timeout: 120_000 }).toBe('Đã gửi');
    await expect
      .poll(() => kp4.locator('.ledger-status').textContent(), { timeout: 20_000 })
      .toBe('Chờ tổ thực hiện');
    const messages = (await (await fetch(`${server.url}/sim/api/messages?groupId=${kp1ZaloGroupId}`)).json())
      .messages as { messageId: string; text?: string }[];
    expect(messages).toHaveLength(1);
    expect(messages[0]!.text).toContain(body);
    expect(await kp1.textContent()).toContain(`Mã tin Zalo: ${messages[0]!.messageId}`);
    // Sent: now residents read it on Trang chủ.
    await expect.poll(residentHome, { timeout: 15_000 }).toContain(body);

    // A KP4 team member shares it (copied outside Zalo) and confirms.
    const member = await open(people.member);
    watch(member);
    await tab(member, 'Chia sẻ');
    const task = member.locator('.share-task', { hasText: 'Nhóm Zalo Khu phố 4' });
    await task.getByRole('button', { name: 'Chia sẻ vào nhóm' }).click();
    await task.getByText(/Đã sao chép nội dung/).waitFor({ timeout: 10_000 });
    expect(await member.evaluate(() => navigator.clipboard.readText())).toContain(body);
    await task.getByRole('button', { name: 'Đã chia sẻ', exact: true }).click();
    await confirmModal(member, 'Xác nhận đã chia sẻ');
    await task.getByText(`${people.member.fullName} xác nhận lúc`).waitFor({ timeout: 15_000 });

    // Staff's ledger shows who shared KP4.
    await expect
      .poll(() => kp4.locator('.ledger-status').textContent(), { timeout: 30_000 })
      .toBe('Đã chia sẻ');
    expect(await kp4.textContent()).toContain(`Chia sẻ bởi ${people.member.fullName}`);

    // Still exactly one message in KP1's group: nothing was sent twice.
    const after = await (await fetch(`${server.url}/sim/api/messages?groupId=${kp1ZaloGroupId}`)).json();
    expect(after.messages).toHaveLength(1);
    for (const page of [staff, leader, member]) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
    expect(errors).toEqual([]);
  });
});
