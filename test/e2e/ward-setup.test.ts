/**
 * A second ward goes live from nothing, in a phone-sized browser: `ward:create` gives its first admin a
 * sign-in link; the admin adds the teams, imports a 40-member .xlsx (three bad rows are shown with their
 * reasons and nothing can be saved until the file is fixed), creates a campaign, and gives a member a
 * sign-in link. That member signs in, lands on their own ward's Trang chủ, sees only its campaign, and
 * writes a post for it.
 */
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationRoleStatement, createDb } from '../../server/src/plugins/db.js';
import { createWardWithAdmin } from '../../server/src/wards/create-ward.js';
import { TEST_SESSION_SECRET } from '../helpers/app.js';
import { tab } from '../helpers/dev-login.js';
import { confirmModal, noOverflow, type Product, startProduct } from '../helpers/e2e-product.js';
import { fortyMembers, membersXlsx } from '../helpers/member-lists.js';
import { pickDay, wardField } from '../helpers/pickers.js';
import type { ServerProcess } from '../helpers/server-process.js';

const TEAMS = ['Tổ CNS Khu phố 1', 'Tổ CNS Khu phố 2', 'Tổ CNS Khu phố 3'];
const OFFICE = 'Văn phòng HĐND và UBND';
/** The mini app's link base the server uses when MINI_APP_LINK_BASE is not set. */
const MINI_APP = 'https://zalo.me/s/loa-phuong';

describe('a second ward set up in the app', () => {
  let server: ServerProcess;
  let browser: Browser;
  let product: Product;
  let adminLink: string;
  const errors: string[] = [];

  const phonePage = async (): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    return page;
  };
  // What the database holds for a member: what the edit form saved, or did not.
  const storedMember = async (fullName: string) => {
    const client = new pg.Client({ connectionString: product.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT m.phone, m.role, u.name AS unit FROM members m LEFT JOIN units u ON u.id = m.unit_id
          WHERE m.full_name = $1`,
        [fullName],
      );
      return rows[0] as { phone: string; role: string; unit: string | null } | undefined;
    } finally {
      await client.end();
    }
  };
  const signInByLink = async (page: Page, link: string, name: string) => {
    await page.goto(link);
    await page.getByRole('button', { name: 'Đăng nhập bằng liên kết' }).click();
    await page.locator('.session-name', { hasText: name }).waitFor({ timeout: 15_000 });
  };

  beforeAll(async () => {
    product = await startProduct({ SESSION_SECRET: TEST_SESSION_SECRET });
    ({ server, browser } = product);
    const pool = new pg.Pool({ connectionString: product.databaseUrl, max: 2 });
    try {
      const made = await createWardWithAdmin(
        createDb(pool, await applicationRoleStatement(pool)),
        {
          name: 'Phường Xuân Thọ',
          slug: 'xuan-tho',
          province: 'Đồng Nai',
          adminName: 'Lê Thu Hà',
          adminPhone: '0911000111',
        },
        { miniApp: MINI_APP, demo: server.url },
      );
      // The link to send goes to the mini app in Zalo; the demo's, to this server's page.
      expect(made.link).toBe(made.demoLink!.replace(server.url, MINI_APP));
      adminLink = made.demoLink!;
    } finally {
      await pool.end();
    }
  });
  afterAll(() => product?.stop());

  it('admin adds teams, imports 40 members (refused with reasons, then fixed), creates a campaign; a member sees only it', async () => {
    const admin = await phonePage();
    await signInByLink(admin, adminLink, 'Lê Thu Hà');
    await admin.getByRole('button', { name: 'Thiết lập' }).click();
    for (const [index, team] of TEAMS.entries()) {
      await admin.getByLabel('Tên đơn vị').fill(team);
      await admin.getByLabel('Khu phố của tổ').fill(`Khu phố ${index + 1}`);
      await admin.getByRole('button', { name: 'Thêm đơn vị' }).click();
      await admin.getByTestId('unit-list').getByText(team).waitFor({ timeout: 10_000 });
    }

    await admin.getByRole('link', { name: /Thành viên/ }).click();
    const rows = fortyMembers(TEAMS, OFFICE);
    const broken = rows.map((row) => [...row] as typeof row);
    broken[5]![1] = '09123';
    broken[12]![2] = 'Trưởng ban';
    broken[30]![3] = 'Tổ CNS Khu phố 9';
    const fileInput = admin.getByLabel('Tệp danh sách');
    await fileInput.setInputFiles({
      name: 'danh-sach.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await membersXlsx(broken),
    });
    const preview = admin.getByTestId('import-preview');
    await preview.waitFor({ timeout: 15_000 });
    await expect.poll(() => preview.textContent()).toContain('3 dòng chưa đúng');
    const text = (await preview.textContent()) ?? '';
    expect(text).toContain('Dòng 7');
    expect(text).toContain('Số điện thoại "09123" chưa đúng');
    expect(text).toContain('Vai trò "Trưởng ban" không rõ');
    expect(text).toContain('Không có tổ/đơn vị "Tổ CNS Khu phố 9" trong phường');
    await expect.poll(() => preview.getByRole('button', { name: 'Lưu danh sách' }).isDisabled()).toBe(true);
    expect(await admin.getByTestId('member-list').locator('li').count()).toBe(1);

    await fileInput.setInputFiles({
      name: 'danh-sach-da-sua.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await membersXlsx(rows),
    });
    await expect.poll(() => preview.textContent(), { timeout: 15_000 }).toContain('40 dòng đều đúng');
    await preview.getByRole('button', { name: 'Lưu danh sách' }).click();
    await admin
      .getByText('Đã lưu danh sách: 40 người mới, 0 người cập nhật.')
      .first()
      .waitFor({ timeout: 15_000 });
    await expect.poll(() => admin.getByTestId('member-list').locator('li').count()).toBe(41);

    // Sửa: a wrong phone and a phone another member has are refused with the server's reason, saving
    // nothing; then the member gets a new phone and moves to Tổ 2 as its tổ trưởng (asked first).
    const moved = `Thành viên 04 ${TEAMS[0]}`;
    const movedRow = admin.locator(`[data-member="${moved}"]`);
    await movedRow.getByRole('button', { name: `Sửa ${moved}` }).click();
    const form = movedRow.getByTestId('member-edit');
    expect(await noOverflow(admin)).toBeLessThanOrEqual(0);
    const refusal = form.getByRole('alert');
    await form.getByLabel('Số điện thoại').fill('0987');
    await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await expect.poll(() => refusal.textContent(), { timeout: 10_000 }).toContain('Số điện thoại chưa đúng');
    await form.getByLabel('Số điện thoại').fill('0912000002');
    await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await expect
      .poll(() => refusal.textContent(), { timeout: 10_000 })
      .toContain('đã có người khác trong phường dùng');
    expect(await storedMember(moved)).toEqual({ phone: '84987100003', role: 'team_member', unit: TEAMS[0] });

    await form.getByLabel('Số điện thoại').fill('0987 654 321');
    expect(await refusal.count()).toBe(0);
    await form.getByLabel('Vai trò').selectOption({ label: 'Tổ trưởng' });
    await form.getByLabel('Tổ/đơn vị').selectOption({ label: TEAMS[1]! });
    await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
    // Every row's "Khóa" has its own (closed) dialog: the one asking about this change.
    const modal = admin.locator('.zaui-modal-content', { hasText: 'Lưu thay đổi' });
    await expect
      .poll(() => modal.textContent())
      .toContain(`Đổi vai trò thành “Tổ trưởng” và tổ/đơn vị thành “${TEAMS[1]}” cho ${moved}?`);
    await confirmModal(admin, 'Lưu thay đổi');
    await expect
      .poll(() => movedRow.textContent(), { timeout: 10_000 })
      .toContain(`0987654321 · Tổ trưởng · ${TEAMS[1]}`);
    expect(await movedRow.getByTestId('member-edit').count()).toBe(0);
    expect(await storedMember(moved)).toEqual({ phone: '84987654321', role: 'team_lead', unit: TEAMS[1] });

    // A sign-in link for one of the imported office staff.
    const staffRow = admin.locator('[data-member="Trần Thị Bình"]');
    await staffRow.getByRole('button', { name: 'Liên kết đăng nhập' }).click();
    const zaloLink = (await staffRow.locator('.invite-link code').first().textContent({ timeout: 10_000 }))!;
    expect(zaloLink).toMatch(/^https:\/\/zalo\.me\/s\/loa-phuong\/\?invite=[A-Za-z0-9_-]{32}$/);
    // This server runs the simulator: the same link on its own page, for a desktop browser.
    const memberLink = (await staffRow.getByTestId('invite-demo-link').textContent())!;
    expect(memberLink).toBe(zaloLink.replace(MINI_APP, server.url));

    await admin.goto(`${server.url}/#/campaigns/new`);
    const title = 'Kế hoạch tuyên truyền Ngày Chuyển đổi số phường Xuân Thọ';
    // zmp-ui's Input shows its label in a div, not a <label>: the input that follows it.
    await admin
      .locator(
        'xpath=//*[contains(@class,"zaui-input-label") and normalize-space()="Tên kế hoạch *"]/following::input[1]',
      )
      .fill(title);
    await pickDay(admin, admin, 'Ngày bắt đầu *', '2026-10-01');
    await pickDay(admin, admin, 'Ngày kết thúc *', '2026-10-10');
    expect(await wardField(admin, 'Ngày bắt đầu *').inputValue()).toBe('01/10/2026');
    expect(await wardField(admin, 'Ngày kết thúc *').inputValue()).toBe('10/10/2026');
    await admin.getByRole('button', { name: 'Lưu kế hoạch' }).click();
    await expect.poll(() => admin.textContent('body'), { timeout: 15_000 }).toContain(title);

    // The member's edit is in the ward's log once (the refused tries left nothing), naming who did it.
    await admin.goto(`${server.url}/#/audit`);
    const log = admin.getByTestId('audit-list');
    await expect
      .poll(() => log.locator('li').allTextContents(), { timeout: 15_000 })
      .toContainEqual(expect.stringContaining(`Lê Thu Hà sửa thành viên “${moved}”`));
    expect(
      (await log.locator('li').allTextContents()).filter((line) => line.includes('sửa thành viên')),
    ).toHaveLength(1);

    const member = await phonePage();
    await signInByLink(member, memberLink, 'Trần Thị Bình');
    // The link lands on Trang chủ: the member's own ward, not the server's default one.
    await expect
      .poll(() => member.locator('.ward-name').textContent(), { timeout: 15_000 })
      .toBe('Phường Xuân Thọ');
    await tab(member, 'Kế hoạch');
    await expect.poll(() => member.textContent('body'), { timeout: 15_000 }).toContain(title);
    const body = (await member.textContent('body')) ?? '';
    expect(body).not.toContain('Khoa học, công nghệ');
    expect(body).not.toContain('Dầu Giây');

    // The office staff member writes a post for their ward's campaign: it links to its page in Xuân Thọ.
    await tab(member, 'Bài đăng');
    await member.getByRole('button', { name: 'Soạn bài mới' }).click();
    const postBody = 'Mời bà con khu phố 1 cài đặt VNeID mức 2 tại nhà văn hóa, sáng Chủ nhật từ 7 giờ.';
    await member.getByLabel('Nội dung bài đăng').fill(postBody);
    await expect
      .poll(() => member.locator('.compose-form .group-preview-text').textContent(), { timeout: 15_000 })
      .toMatch(/Xem chi tiết: \S+\?ward=xuan-tho&post=[0-9a-f-]{36}$/);
    await member.getByRole('button', { name: 'Lưu và gửi lãnh đạo duyệt' }).click();
    const card = member.locator('.post-card', { hasText: postBody.slice(0, 60) });
    await expect
      .poll(() => card.locator('.post-status').textContent(), { timeout: 15_000 })
      .toBe('Chờ duyệt');
    expect((await member.textContent('body')) ?? '').not.toContain('Dầu Giây');

    for (const page of [admin, member]) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
    expect(errors).toEqual([]);
  });
});
