/**
 * The task edit screen at 360 px (issue 12 item 3): staff edit a task from its card (saved, audited,
 * shown on the card), delete a task made by mistake after a confirmation, and cancel a task a team
 * already acknowledged (no delete offered then; the reason is required, confirmed, and shown on the
 * card; the team's list drops it). The server agrees with what the screen says each time.
 */
import pg from 'pg';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SESSION_SECRET } from '../helpers/app.js';
import { signInWithDevPicker } from '../helpers/dev-login.js';
import { type Product, startProduct } from '../helpers/e2e-product.js';
import { pickDay } from '../helpers/pickers.js';
import { signTestSession } from '../helpers/session-token.js';

interface Person {
  memberId: string;
  wardId: string;
  role: string;
  unitId: string | null;
  fullName: string;
  unitName: string;
}

describe('editing, deleting and cancelling a task at 360 px', () => {
  let product: Product;
  let db: pg.Client;
  const people: Record<'staff' | 'member', Person> = {} as never;
  let campaign: { id: string; endsOn: string };
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  const api = async (who: Person, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${product.server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${signTestSession(TEST_SESSION_SECRET, who)}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, json: response.status === 204 ? null : await response.json() };
  };
  const audits = async (action: string, taskId: string) =>
    (
      await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND entity_id = $2`, [
        action,
        taskId,
      ])
    ).rows[0].n as number;
  const newTask = async (title: string, assignTeam: boolean) => {
    const made = await api(people.staff, 'POST', `/api/campaigns/${campaign.id}/tasks`, {
      kind: 'hang_banner',
      title,
      dueAt: `${campaign.endsOn}T17:00:00+07:00`,
      ...(assignTeam ? { assign: { unitIds: [people.member.unitId] } } : {}),
    });
    expect(made.status).toBe(201);
    return made.json.id as string;
  };
  const taskCard = (page: Page, title: string) => page.locator('.card').filter({ hasText: title });
  const noOverflow = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

  beforeAll(async () => {
    product = await startProduct({ SESSION_SECRET: TEST_SESSION_SECRET });
    db = new pg.Client({ connectionString: product.databaseUrl });
    await db.connect();
    const person = async (where: string) =>
      (
        await db.query<Person>(
          `SELECT id AS "memberId", ward_id AS "wardId", role, unit_id AS "unitId", full_name AS "fullName",
                  (SELECT name FROM units WHERE units.id = members.unit_id) AS "unitName"
             FROM members WHERE ${where} ORDER BY full_name LIMIT 1`,
        )
      ).rows[0]!;
    people.staff = await person(`full_name = 'Nguyễn Thị Nhi'`);
    people.member = await person(
      `role = 'team_member' AND unit_id = (SELECT id FROM units WHERE name = 'Tổ Công nghệ số cộng đồng Khu phố 2')`,
    );
    campaign = (
      await db.query(
        `SELECT id, to_char(ends_on, 'YYYY-MM-DD') AS "endsOn" FROM campaigns WHERE status = 'active' LIMIT 1`,
      )
    ).rows[0];
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await db?.end();
    await product?.stop();
  });

  async function staffPage(): Promise<Page> {
    const context = await product.browser.newContext({ viewport: { width: 360, height: 740 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    await signInWithDevPicker(page, product.server.url, people.staff);
    await page.goto(`${product.server.url}/#/campaigns/${campaign.id}`);
    return page;
  }

  it('edits an untouched task from its card, then deletes it after a confirmation', async () => {
    const taskId = await newTask('Băng rôn tạo nhầm ở cổng chợ', false);
    const page = await staffPage();
    const card = taskCard(page, 'Băng rôn tạo nhầm ở cổng chợ');
    await card.getByRole('button', { name: 'Sửa, hủy nhiệm vụ' }).click({ timeout: 15_000 });

    // zmp-ui's Input shows its label in a div, not a <label>: the input that follows it.
    const title = page.locator(
      'xpath=//*[contains(@class,"zaui-input-label") and normalize-space()="Tên nhiệm vụ *"]/following::input[1]',
    );
    await expect.poll(() => title.inputValue(), { timeout: 15_000 }).toBe('Băng rôn tạo nhầm ở cổng chợ');
    await title.fill('Treo băng rôn tại cổng chợ Dầu Giây');
    await page.getByLabel('Số ảnh minh chứng cần chụp').fill('2');
    await page.getByRole('button', { name: 'Lưu nhiệm vụ' }).click();
    const edited = taskCard(page, 'Treo băng rôn tại cổng chợ Dầu Giây');
    await expect.poll(() => edited.textContent(), { timeout: 15_000 }).toContain('2 ảnh');
    const stored = (
      await db.query(`SELECT title, evidence_photo_count AS photos FROM tasks WHERE id = $1`, [taskId])
    ).rows[0];
    expect(stored).toEqual({ title: 'Treo băng rôn tại cổng chợ Dầu Giây', photos: 2 });
    expect(await audits('tasks.update', taskId)).toBe(1);

    await edited.getByRole('button', { name: 'Sửa, hủy nhiệm vụ' }).click();
    await page.getByRole('button', { name: 'Xóa nhiệm vụ (tạo nhầm)' }).click();
    const dialog = page.locator('.zaui-modal-content', { hasText: 'Xóa nhiệm vụ này?' });
    await dialog
      .getByText('chưa có đơn vị nào làm nên sẽ bị xóa hẳn. Không hoàn tác được.', { exact: false })
      .waitFor();
    await dialog.getByText('Xóa', { exact: true }).click();
    await page.getByRole('heading', { name: 'Nhiệm vụ', exact: true }).waitFor({ timeout: 15_000 });
    await expect.poll(() => edited.count(), { timeout: 15_000 }).toBe(0);
    expect((await db.query(`SELECT 1 FROM tasks WHERE id = $1`, [taskId])).rowCount).toBe(0);
    expect(await audits('tasks.delete', taskId)).toBe(1);
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
  });

  it('cancels a task a team already acknowledged, with a required reason; no delete is offered', async () => {
    const taskId = await newTask('Treo băng rôn tại nhà văn hóa khu phố 2', true);
    const [assignment] = (await db.query(`SELECT id FROM assignments WHERE task_id = $1`, [taskId])).rows as {
      id: string;
    }[];
    expect((await api(people.member, 'POST', `/api/assignments/${assignment!.id}/ack`, {})).status).toBe(200);

    const page = await staffPage();
    const card = taskCard(page, 'Treo băng rôn tại nhà văn hóa khu phố 2');
    await card.getByRole('button', { name: 'Sửa, hủy nhiệm vụ' }).click({ timeout: 15_000 });
    await page
      .getByText('Đã có đơn vị xác nhận, gửi ảnh hoặc báo cáo nên nhiệm vụ không xóa được', { exact: false })
      .waitFor({ timeout: 15_000 });
    expect(await page.getByRole('button', { name: 'Xóa nhiệm vụ (tạo nhầm)' }).count()).toBe(0);

    const cancel = page.getByRole('button', { name: 'Hủy nhiệm vụ', exact: true });
    expect(await cancel.isDisabled()).toBe(true); // no reason yet
    await page.getByLabel('Lý do hủy').fill('Khu phố 2 đã treo băng rôn chung với chợ');
    await cancel.click();
    const dialog = page.locator('.zaui-modal-content', { hasText: 'Hủy nhiệm vụ này?' });
    await dialog
      .getByText('sẽ bị hủy với 1 đơn vị được giao. Không hoàn tác được.', { exact: false })
      .waitFor();
    expect(
      (await db.query(`SELECT cancelled_at FROM tasks WHERE id = $1`, [taskId])).rows[0].cancelled_at,
    ).toBeNull();
    await dialog.getByText('Hủy nhiệm vụ', { exact: true }).click();

    await expect
      .poll(() => card.textContent(), { timeout: 15_000 })
      .toContain('Khu phố 2 đã treo băng rôn chung với chợ');
    await card.getByText('Đã hủy', { exact: true }).waitFor();
    expect(await card.getByRole('button', { name: 'Sửa, hủy nhiệm vụ' }).count()).toBe(0);
    const stored = (await db.query(`SELECT cancel_reason FROM tasks WHERE id = $1`, [taskId])).rows[0];
    expect(stored.cancel_reason).toBe('Khu phố 2 đã treo băng rôn chung với chợ');
    expect(await audits('tasks.cancel', taskId)).toBe(1);
    // The team's list no longer has it.
    const mine = await api(people.member, 'GET', '/api/me/assignments');
    expect(JSON.stringify(mine.json)).not.toContain('Treo băng rôn tại nhà văn hóa khu phố 2');
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
  });

  it('adds a task at one of the ward\'s places with "chụp tại địa điểm": saved with that place\'s point', async () => {
    const place = await api(people.staff, 'POST', '/api/ward/places', {
      name: 'Cổng chợ Dầu Giây',
      address: 'Quốc lộ 1A, khu phố 3',
      lat: 10.9481,
      lng: 107.1563,
      radiusM: 80,
    });
    expect(place.status).toBe(201);
    const page = await staffPage();
    await page.getByRole('button', { name: 'Thêm nhiệm vụ' }).click({ timeout: 15_000 });
    const title = page.locator(
      'xpath=//*[contains(@class,"zaui-input-label") and normalize-space()="Tên nhiệm vụ *"]/following::input[1]',
    );
    await title.fill('Treo băng rôn tại cổng chợ', { timeout: 15_000 });
    await pickDay(page, page, 'Hạn hoàn thành: ngày *', campaign.endsOn);
    // zmp-ui's Select: tap the field, then the place in its sheet.
    await page
      .locator(
        'xpath=//*[contains(@class,"zaui-input-label") and normalize-space()="Địa điểm"]/following::input[1]',
      )
      .click();
    await page.locator('.zaui-select-panel .zaui-select-option', { hasText: 'Cổng chợ Dầu Giây' }).click();
    await page.getByLabel('Số ảnh minh chứng cần chụp').fill('2');
    // With a saved place chosen, the location rule is the place's circle, not the whole ward.
    const atPlace = page.getByText('Ảnh phải chụp tại địa điểm (trong bán kính của địa điểm)');
    await atPlace.click();
    expect(await page.getByText('Ảnh phải có vị trí trong địa bàn phường').count()).toBe(0);
    await page.getByRole('button', { name: 'Thêm và giao nhiệm vụ' }).click();
    await taskCard(page, 'Treo băng rôn tại cổng chợ').waitFor({ timeout: 15_000 });
    const stored = (
      await db.query(
        `SELECT place_name, place_lat, place_lng, place_radius_m, evidence_photo_count AS photos,
                evidence_location_required AS "atPlace"
           FROM tasks WHERE title = 'Treo băng rôn tại cổng chợ'`,
      )
    ).rows;
    expect(stored).toEqual([
      {
        place_name: 'Cổng chợ Dầu Giây',
        place_lat: 10.9481,
        place_lng: 107.1563,
        place_radius_m: 80,
        photos: 2,
        atPlace: true,
      },
    ]);
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
  });
});
