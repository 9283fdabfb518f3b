/**
 * The campaign flow across three people in three browsers at 360 px: a leader approves a campaign in
 * Duyệt, a team member acknowledges a task in Nhiệm vụ, and staff watch that cell change on the board.
 * Each person signs in through the development login picker; the test's own API calls (creating the
 * draft, checking results) carry a session signed with the server's test secret.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/src/config.js';
import { TEST_SESSION_SECRET } from '../helpers/app.js';
import { openSignedIn, tab } from '../helpers/dev-login.js';
import { confirmModal, noOverflow, type Product, startProduct } from '../helpers/e2e-product.js';
import type { ServerProcess } from '../helpers/server-process.js';

interface Person {
  memberId: string;
  wardId: string;
  role: string;
  unitId: string | null;
  fullName: string;
  unitName: string;
}

describe('approve, acknowledge, watch the board', () => {
  let server: ServerProcess;
  let browser: Browser;
  let databaseUrl: string;
  let product: Product;
  const people: Record<'leader' | 'staff' | 'member', Person> = {} as never;
  let assignmentId: string;
  let taskTitle: string;

  const open = (who: Person): Promise<Page> => openSignedIn(browser, server.url, who);

  beforeAll(async () => {
    product = await startProduct({ SESSION_SECRET: TEST_SESSION_SECRET });
    ({ server, browser, databaseUrl } = product);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const person = async (where: string) =>
        (
          await client.query<Person>(
            `SELECT id AS "memberId", ward_id AS "wardId", role, unit_id AS "unitId", full_name AS "fullName",
                    (SELECT name FROM units WHERE units.id = members.unit_id) AS "unitName"
               FROM members WHERE ${where} ORDER BY full_name LIMIT 1`,
          )
        ).rows[0]!;
      people.leader = await person(`full_name = 'Bùi Văn Điệp'`);
      people.staff = await person(`full_name = 'Nguyễn Thị Nhi'`);
      people.member = await person(
        `role = 'team_member' AND unit_id = (SELECT id FROM units WHERE name = 'Tổ Công nghệ số cộng đồng Khu phố 1')`,
      );
      const row = (
        await client.query(
          `SELECT a.id, t.title FROM assignments a JOIN tasks t ON t.id = a.task_id
            WHERE a.unit_id = $1 ORDER BY t.sort_order LIMIT 1`,
          [people.member.unitId],
        )
      ).rows[0];
      assignmentId = row.id;
      taskTitle = row.title;
    } finally {
      await client.end();
    }
  });
  afterAll(() => product?.stop());

  it('keeps the first screen’s JavaScript within 150 KB gzip', () => {
    const dist = join(REPO_ROOT, 'mini-app', 'dist');
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    const bytes = scripts.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file))).length, 0);
    expect(bytes).toBeLessThanOrEqual(150 * 1024);
  });

  it('a leader approves, a team member acknowledges, staff see the board cell change', async () => {
    const draft = await product.api(people.staff, 'POST', '/api/campaigns', {
      title: 'Kế hoạch tuyên truyền Ngày Chuyển đổi số quốc gia 10/10',
      theme: 'Chuyển đổi số toàn dân',
      startsOn: '2026-10-01',
      endsOn: '2026-10-10',
    });
    expect(draft.status).toBe(201);

    const errors: string[] = [];
    const leader = await open(people.leader);
    leader.on('pageerror', (error) => errors.push(error.message));
    await tab(leader, 'Duyệt');
    const item = leader.locator('.card').filter({ hasText: draft.json.title });
    await item.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await confirmModal(leader, 'Duyệt');
    await expect
      .poll(() => leader.textContent('body'), { timeout: 15_000 })
      .toContain('Không có kế hoạch nào chờ duyệt.');
    expect((await product.api(people.staff, 'GET', `/api/campaigns/${draft.json.id}`)).json.status).toBe(
      'approved',
    );

    const staff = await open(people.staff);
    staff.on('pageerror', (error) => errors.push(error.message));
    await tab(staff, 'Tiến độ');
    const cell = staff.locator(`[data-assignment="${assignmentId}"]`);
    await expect.poll(() => cell.getAttribute('data-status'), { timeout: 15_000 }).toBe('pending');

    const member = await open(people.member);
    member.on('pageerror', (error) => errors.push(error.message));
    await tab(member, 'Nhiệm vụ');
    await member.locator('.card-button').filter({ hasText: taskTitle }).click();
    await member.getByRole('button', { name: 'Xác nhận đã nhận nhiệm vụ' }).click();
    await expect
      .poll(() => member.getByTestId('assignment-status').textContent(), { timeout: 15_000 })
      .toContain('Đã nhận');

    // The board refreshes itself while open.
    await expect.poll(() => cell.getAttribute('data-status'), { timeout: 20_000 }).toBe('acknowledged');
    for (const page of [leader, staff, member]) {
      const overflow = await noOverflow(page);
      expect(overflow).toBeLessThanOrEqual(0);
    }
    expect(errors).toEqual([]);
  });
});
