/**
 * A team member takes a photo for an assignment, sees it uploaded with its checks, and staff accept it.
 * People sign in through the development login picker, as a developer on a desktop browser does.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/src/config.js';
import { launchChromium } from '../helpers/browser.js';
import { createTestDatabase } from '../helpers/database.js';
import { signInWithDevPicker } from '../helpers/dev-login.js';
import { PHOTOS } from '../helpers/evidence.js';
import { freePort, type ServerProcess, startServer } from '../helpers/server-process.js';

interface People {
  assignmentId: string;
  memberName: string;
  teamName: string;
  staffName: string;
  staffUnitName: string;
  leaderName: string;
  leaderUnitName: string;
}

async function findPeople(databaseUrl: string): Promise<People> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<People>(
      `SELECT a.id AS "assignmentId", m.full_name AS "memberName", team.name AS "teamName",
              s.full_name AS "staffName", su.name AS "staffUnitName",
              l.full_name AS "leaderName", lu.name AS "leaderUnitName"
         FROM assignments a
         JOIN tasks t ON t.id = a.task_id AND t.place_lat IS NULL
         JOIN units team ON team.id = a.unit_id
         JOIN members m ON m.unit_id = a.unit_id AND m.role = 'team_member'
         JOIN members s ON s.ward_id = a.ward_id AND s.role = 'staff'
         JOIN units su ON su.id = s.unit_id
         JOIN members l ON l.ward_id = a.ward_id AND l.role = 'leader'
         JOIN units lu ON lu.id = l.unit_id
        ORDER BY a.id LIMIT 1`,
    );
    if (!rows[0]) throw new Error('the demo ward has no team assignment without a place');
    return rows[0];
  } finally {
    await client.end();
  }
}

describe('photo evidence in the mini app', () => {
  let server: ServerProcess;
  let browser: Browser;
  let people: People;

  beforeAll(async () => {
    const databaseUrl = await createTestDatabase();
    [server, browser] = await Promise.all([
      startServer({
        DATABASE_URL: databaseUrl,
        PORT: String(await freePort()),
        DATA_DIR: mkdtempSync(join(REPO_ROOT, '.data', 'e2e-')),
      }),
      launchChromium(),
    ]);
    people = await findPeople(databaseUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function pageAs(who: {
    unitName: string;
    fullName: string;
  }): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signInWithDevPicker(page, server.url, who);
    return { page, errors };
  }

  it('a team member uploads a photo and sees its flags; staff accept it; the member sees it accepted', async () => {
    const member = await pageAs({ unitName: people.teamName, fullName: people.memberName });
    await member.page.goto(`${server.url}/#/assignments/${people.assignmentId}/evidence`);
    await member.page.getByText('Chưa có ảnh nào').waitFor({ timeout: 15_000 });

    const [chooser] = await Promise.all([
      member.page.waitForEvent('filechooser'),
      member.page.getByRole('button', { name: 'Chụp ảnh minh chứng' }).click(),
    ]);
    await chooser.setFiles(join(PHOTOS, 'gps-nikon-dscn0010.jpg'));

    const card = member.page.locator('.evidence-card[data-evidence-id]');
    await card.waitFor({ timeout: 15_000 });
    await expect.poll(() => card.textContent()).toContain('Chụp ngoài thời gian kế hoạch');
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Ngoài địa bàn phường');
    expect(text).toContain('Chờ duyệt');
    // The thumbnail came through the authenticated photo route.
    await expect
      .poll(() => card.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth), {
        timeout: 10_000,
      })
      .toBeGreaterThan(0);

    const staff = await pageAs({ unitName: people.staffUnitName, fullName: people.staffName });
    await staff.page.goto(`${server.url}/#/evidence`);
    const queued = staff.page.locator('.evidence-card[data-evidence-id]');
    await queued.first().waitFor({ timeout: 15_000 });
    expect(await queued.count()).toBe(1);
    expect(await queued.first().textContent()).toContain('Chụp ngoài thời gian kế hoạch');
    // Staff open the photo large: the server renders its display copy (here at the photo's own 640 px).
    await queued.first().getByRole('button', { name: 'Xem ảnh lớn' }).click();
    const large = staff.page.locator('[class*="image-viewer"] img').first();
    await expect
      .poll(() => large.evaluate((img: HTMLImageElement) => img.naturalWidth).catch(() => 0), {
        timeout: 10_000,
      })
      .toBe(640);
    await staff.page.locator('[class*="image-viewer-close-button"]').first().click();
    await large.waitFor({ state: 'hidden', timeout: 5_000 });
    await staff.page.getByRole('button', { name: 'Duyệt', exact: true }).click();
    // A flagged photo is accepted only after a confirmation that lists its flags in words.
    const confirm = staff.page.locator('.zaui-modal-content', { hasText: 'Duyệt ảnh có cảnh báo?' });
    await confirm.getByText('Duyệt ảnh có cảnh báo?').waitFor({ timeout: 5_000 });
    expect(await confirm.textContent()).toContain('Ngoài địa bàn phường');
    await confirm.getByText('Vẫn duyệt', { exact: true }).click();
    // Accepted photos leave the pending queue.
    await staff.page.getByText('Không có ảnh nào khớp bộ lọc.').waitFor({ timeout: 10_000 });

    await member.page.reload();
    await member.page.locator('.evidence-card[data-evidence-id]').waitFor({ timeout: 15_000 });
    await expect
      .poll(() => member.page.locator('.evidence-card[data-evidence-id]').textContent())
      .toContain('Đã duyệt');

    for (const { page } of [member, staff]) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
    expect([...member.errors, ...staff.errors]).toEqual([]);
  });

  // Staff may send photos for a team, but nobody reviews their own (the server answers 403): the
  // review screen says so instead of offering buttons that would fail; a leader still gets them.
  it('shows the sender of a photo why they cannot review it, and the leader the buttons', async () => {
    const staff = await pageAs({ unitName: people.staffUnitName, fullName: people.staffName });
    await staff.page.goto(`${server.url}/#/assignments/${people.assignmentId}/evidence`);
    const [chooser] = await Promise.all([
      staff.page.waitForEvent('filechooser'),
      staff.page.getByRole('button', { name: 'Chụp ảnh minh chứng' }).click(),
    ]);
    await chooser.setFiles(join(PHOTOS, 'gps-nikon-dscn0012.jpg'));
    // Its card, pending (the member's photo above, if any, is accepted already).
    await staff.page
      .locator('.evidence-card[data-evidence-id]', { hasText: 'Chờ duyệt' })
      .waitFor({ timeout: 15_000 });

    await staff.page.goto(`${server.url}/#/evidence`);
    const own = staff.page.locator('.evidence-card[data-evidence-id]');
    await own.first().waitFor({ timeout: 15_000 });
    expect(await own.count()).toBe(1);
    await own.getByText('Ảnh do anh/chị gửi — cần một cán bộ hoặc lãnh đạo khác duyệt.').waitFor();
    expect(await own.getByRole('button', { name: 'Duyệt', exact: true }).count()).toBe(0);
    expect(await own.getByRole('button', { name: 'Trả lại', exact: true }).count()).toBe(0);

    const leader = await pageAs({ unitName: people.leaderUnitName, fullName: people.leaderName });
    await leader.page.goto(`${server.url}/#/evidence`);
    const queued = leader.page.locator('.evidence-card[data-evidence-id]');
    await queued.first().waitFor({ timeout: 15_000 });
    await queued.getByRole('button', { name: 'Duyệt', exact: true }).waitFor();
    expect(await queued.getByRole('button', { name: 'Trả lại', exact: true }).count()).toBe(1);
    expect(await queued.getByText(/Ảnh do anh\/chị gửi/).count()).toBe(0);

    for (const { page } of [staff, leader]) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
    expect([...staff.errors, ...leader.errors]).toEqual([]);
  });
});
