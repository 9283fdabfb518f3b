/**
 * The ward's channels set up in the app at 360 px (issue 12): staff set the loudspeaker slots with the
 * 24-hour time picker (refused lists say why in Vietnamese, a save is confirmed first and can be undone,
 * each change audited) and a leader reads them; staff edit a Zalo group (name, khu phố, on/off, turning
 * it off confirmed first), and the server keeps what the screen shows.
 */
import pg from 'pg';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SESSION_SECRET } from '../helpers/app.js';
import { signInWithDevPicker } from '../helpers/dev-login.js';
import { type Product, startProduct } from '../helpers/e2e-product.js';
import { pickTime } from '../helpers/pickers.js';

interface Person {
  fullName: string;
  unitName: string;
}

describe("the ward's loudspeaker slots and Zalo groups, edited at 360 px", () => {
  let product: Product;
  let db: pg.Client;
  const people: Record<'leader' | 'staff', Person> = {} as never;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  async function phone(who: Person): Promise<Page> {
    const context = await product.browser.newContext({ viewport: { width: 360, height: 740 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    await signInWithDevPicker(page, product.server.url, who);
    return page;
  }
  const confirmModal = (page: Page, action: string) =>
    page.locator('.zaui-modal-content').getByText(action, { exact: true }).click();
  const noOverflow = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  const savedSlots = async () =>
    (await db.query(`SELECT times_of_day AS t FROM loudspeaker_slots`)).rows[0]?.t as string[] | undefined;
  const audits = async (action: string) =>
    (await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = $1`, [action])).rows[0]
      .n as number;

  beforeAll(async () => {
    product = await startProduct({ SESSION_SECRET: TEST_SESSION_SECRET });
    db = new pg.Client({ connectionString: product.databaseUrl });
    await db.connect();
    const person = async (name: string) =>
      (
        await db.query<Person>(
          `SELECT full_name AS "fullName", (SELECT name FROM units WHERE units.id = members.unit_id) AS "unitName"
             FROM members WHERE full_name = $1`,
          [name],
        )
      ).rows[0]!;
    people.leader = await person('Bùi Văn Điệp');
    people.staff = await person('Nguyễn Thị Nhi');
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await db?.end();
    await product?.stop();
  });

  it('staff change the loudspeaker slots with the time picker, confirmed, audited and undone; a leader reads them', async () => {
    const page = await phone(people.staff);
    await page.getByRole('button', { name: 'Thiết lập' }).click();
    await page.getByRole('link', { name: 'Khung giờ phát loa' }).click();
    const list = page.getByTestId('loudspeaker-slots');
    await expect
      .poll(() => list.locator('li strong').allTextContents(), { timeout: 15_000 })
      .toEqual(['06:00', '17:00']);

    // A time already there is refused with the reason; an empty list cannot be saved.
    await pickTime(page, page, 'Khung giờ mới', '06:00');
    await page.getByRole('button', { name: 'Thêm 06:00' }).click();
    await page.getByText('Khung giờ 06:00 đã có trong danh sách.').waitFor();
    await page.getByRole('button', { name: 'Bỏ khung giờ 06:00' }).click();
    await page.getByRole('button', { name: 'Bỏ khung giờ 17:00' }).click();
    await page.getByText('Cần ít nhất một khung giờ phát loa. Hãy thêm một giờ rồi lưu.').waitFor();
    const save = page.getByRole('button', { name: 'Lưu khung giờ' });
    expect(await save.isDisabled()).toBe(true);

    await pickTime(page, page, 'Khung giờ mới', '17:30');
    await page.getByRole('button', { name: 'Thêm 17:30' }).click();
    await pickTime(page, page, 'Khung giờ mới', '05:45');
    await page.getByRole('button', { name: 'Thêm 05:45' }).click();
    expect(await list.locator('li strong').allTextContents()).toEqual(['05:45', '17:30']);
    expect(await savedSlots()).toBeUndefined(); // nothing stored before the confirmation

    await save.click();
    const dialog = page.locator('.zaui-modal-content', { hasText: 'Lưu khung giờ phát loa?' });
    await dialog.getByText('Từ nay loa phát lúc 05:45, 17:30 (trước đây: 06:00, 17:00).').waitFor();
    await confirmModal(page, 'Lưu');
    await page.getByText('Đã lưu: loa phát lúc 05:45, 17:30. Trước đây: 06:00, 17:00.').waitFor({
      timeout: 10_000,
    });
    expect(await savedSlots()).toEqual(['05:45', '17:30']);
    expect(await audits('loudspeaker.setSlots')).toBe(1);
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);

    // A leader reads them, without the means to change them.
    const leader = await phone(people.leader);
    await leader.goto(`${product.server.url}/#/setup/loudspeaker`);
    await expect
      .poll(() => leader.getByTestId('loudspeaker-slots').locator('li').allTextContents(), {
        timeout: 15_000,
      })
      .toEqual(['05:45', '17:30']);
    expect(await leader.getByRole('button', { name: 'Lưu khung giờ' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Hoàn tác' }).click();
    await page.getByText('Đã hoàn tác: loa phát lại lúc 06:00, 17:00.').waitFor({ timeout: 10_000 });
    expect(await savedSlots()).toEqual(['06:00', '17:00']);
    expect(await list.locator('li strong').allTextContents()).toEqual(['06:00', '17:00']);
    expect(await audits('loudspeaker.setSlots')).toBe(2);
    expect(problems).toEqual([]);
  });

  it('staff edit a Zalo group: rename, move to another khu phố, turn it off after a confirmation', async () => {
    const page = await phone(people.staff);
    await page.goto(`${product.server.url}/#/setup/groups`);
    await page.getByRole('button', { name: 'Sửa nhóm Nhóm Zalo Khu phố 5' }).click({ timeout: 15_000 });
    const form = page.getByTestId('group-edit');
    await form.getByLabel('Tên nhóm').fill('Nhóm Zalo KP5 và KP6');
    await form.getByLabel('Khu phố của nhóm').selectOption({ label: 'Khu phố 6' });
    // A khu phố group needs the team that shares into it.
    await form.getByLabel('Tổ chia sẻ vào nhóm').selectOption({ label: '(không có)' });
    await form.getByText('Nhóm khu phố thường cần một tổ phụ trách chia sẻ bài vào nhóm. Chọn tổ.').waitFor();
    await form
      .getByLabel('Tổ chia sẻ vào nhóm')
      .selectOption({ label: 'Tổ Công nghệ số cộng đồng Khu phố 6' });
    await form.getByLabel(/Đang dùng/).uncheck();
    await form.getByRole('button', { name: 'Lưu nhóm' }).click();
    await page.locator('.zaui-modal-content', { hasText: 'Tắt nhóm này?' }).waitFor();
    await confirmModal(page, 'Tắt và lưu');

    const row = page.locator('[data-group="Nhóm Zalo KP5 và KP6"]');
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('Khu phố 6');
    expect(await row.textContent()).toContain('Tổ Công nghệ số cộng đồng Khu phố 6 chia sẻ');
    expect(await row.textContent()).toContain('đang tắt');
    expect(await form.count()).toBe(0);
    const stored = (
      await db.query(
        `SELECT g.status, k.name AS khu_pho FROM zalo_groups g JOIN units k ON k.id = g.khu_pho_unit_id
          WHERE g.name = 'Nhóm Zalo KP5 và KP6'`,
      )
    ).rows;
    expect(stored).toEqual([{ status: 'disabled', khu_pho: 'Khu phố 6' }]);
    expect(await audits('groups.update')).toBe(1);
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
  });
});
