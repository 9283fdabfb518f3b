/**
 * An office finishes its own part of the plan on a phone: the staff member whose office was given the
 * banner at the UBND head office opens it from "Việc đơn vị", is refused "done" while the photos the
 * task asks for are missing (with the message saying what to do), takes the photos from the task's
 * card, and then completes it; the leader sees the office's cell done on the board.
 */
import { join } from 'node:path';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInWithDevPicker } from '../helpers/dev-login.js';
import { type Product, startProduct } from '../helpers/e2e-product.js';
import { PHOTOS } from '../helpers/evidence.js';

interface BannerTask {
  assignmentId: string;
  title: string;
  photos: number;
  unitName: string;
  staffName: string;
  leaderName: string;
  leaderUnitName: string;
}

/** The seeded plan's banner at the UBND head office, the office it went to, and one of its staff. */
async function findBannerTask(databaseUrl: string): Promise<BannerTask> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<BannerTask>(
      `SELECT a.id AS "assignmentId", t.title, t.evidence_photo_count AS photos, u.name AS "unitName",
              s.full_name AS "staffName", l.full_name AS "leaderName", lu.name AS "leaderUnitName"
         FROM assignments a
         JOIN tasks t ON t.id = a.task_id AND t.kind = 'hang_banner' AND t.place_name ILIKE '%UBND%'
         JOIN units u ON u.id = a.unit_id AND u.kind <> 'digital_team'
         JOIN members s ON s.unit_id = u.id AND s.role = 'staff'
         JOIN members l ON l.ward_id = a.ward_id AND l.role = 'leader'
         JOIN units lu ON lu.id = l.unit_id
        ORDER BY s.full_name LIMIT 1`,
    );
    if (!rows[0]) throw new Error('the demo ward has no UBND banner task for an office with staff');
    return rows[0];
  } finally {
    await client.end();
  }
}

describe('an office completes its banner task with photos', () => {
  let product: Product;
  let banner: BannerTask;

  beforeAll(async () => {
    product = await startProduct();
    banner = await findBannerTask(product.databaseUrl);
  });
  afterAll(async () => {
    await product?.stop();
  });

  async function pageAs(who: { unitName: string; fullName: string }) {
    const context = await product.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signInWithDevPicker(page, product.server.url, who);
    return { page, errors };
  }

  /** The header's back arrow, as a person taps it (the app's history is its own). */
  const back = (page: Page) => page.locator('.zaui-header-back-btn, .zaui-header-back').first().click();

  const noOverflow = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

  it('is refused "done" without the photos, uploads them from the card, then completes it', async () => {
    // The seeded plan asks for two photos at the head office (its banner is seen from two sides).
    expect(banner.photos).toBe(2);
    const staff = await pageAs({ unitName: banner.unitName, fullName: banner.staffName });
    const { page } = staff;

    await page.getByRole('button', { name: 'Việc đơn vị' }).click();
    const card = page.locator('.card-list .zaui-list-item', { hasText: banner.title });
    await card.waitFor({ timeout: 15_000 });
    expect(await card.textContent()).toContain('Ảnh minh chứng (0/2)');
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);

    // Open the task and acknowledge it, as a team would.
    await card.locator('.card-button').click();
    await page.getByRole('button', { name: 'Xác nhận đã nhận nhiệm vụ' }).click();
    await expect.poll(() => page.getByTestId('assignment-status').textContent()).toContain('Đã nhận');

    // "Done" without the photos: refused, with what to do.
    await page.getByLabel('Ghi chú').fill('Đã treo băng rôn trước cổng trụ sở');
    await page.getByRole('button', { name: 'Báo cáo hoàn thành' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'cần 2 ảnh minh chứng' });
    await refusal.waitFor({ timeout: 10_000 });
    expect(await refusal.textContent()).toBe(
      'Nhiệm vụ này cần 2 ảnh minh chứng, mới có 0. Bấm “Chụp ảnh minh chứng” để gửi thêm 2 ảnh rồi báo hoàn thành.',
    );
    expect(await page.getByTestId('assignment-status').textContent()).toContain('Đã nhận');

    // Back to the list: the card leads straight to the photo screen.
    await back(page);
    await card.getByRole('button', { name: 'Ảnh minh chứng (0/2)' }).click();
    await page.getByText('Chưa có ảnh nào').waitFor({ timeout: 15_000 });
    expect(await page.locator('.detail-meta').first().textContent()).toContain(
      'cần 2 ảnh, chụp tại địa điểm',
    );
    for (const [n, photo] of ['gps-nikon-dscn0010.jpg', 'phone-nokia-8.3.jpg'].entries()) {
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByRole('button', { name: 'Chụp ảnh minh chứng' }).click(),
      ]);
      await chooser.setFiles(join(PHOTOS, photo));
      await expect
        .poll(() => page.locator('.evidence-card[data-evidence-id]').count(), { timeout: 20_000 })
        .toBe(n + 1);
    }
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);

    // The task now has its photos: "done" goes through.
    await back(page);
    await card.locator('.card-button').click();
    await expect
      .poll(() => page.getByRole('region', { name: 'Ảnh minh chứng' }).textContent(), { timeout: 10_000 })
      .toContain('Ảnh minh chứng: 2/2 ảnh');
    await page.getByLabel('Ghi chú').fill('Đã treo băng rôn trước cổng trụ sở');
    await page.getByRole('button', { name: 'Báo cáo hoàn thành' }).click();
    await page.getByText('Đã gửi báo cáo hoàn thành.').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('assignment-status').textContent()).toContain('Đã báo cáo');
    expect(await page.locator('.detail').textContent()).toContain(
      'Báo cáo: Đã treo băng rôn trước cổng trụ sở',
    );

    // The leader sees the office's cell reported on the board, and it opens the office's report.
    const leader = await pageAs({ unitName: banner.leaderUnitName, fullName: banner.leaderName });
    await leader.page.locator('.zaui-bottom-navigation-item').filter({ hasText: 'Tiến độ' }).click();
    const cell = leader.page.locator(`.board-cell[data-assignment="${banner.assignmentId}"]`);
    await cell.waitFor({ timeout: 15_000 });
    expect(await cell.getAttribute('data-status')).toBe('submitted');
    expect(await cell.getAttribute('aria-label')).toBe(`${banner.unitName} – ${banner.title}: Đã báo cáo`);
    await cell.click();
    await expect
      .poll(() => leader.page.locator('.detail').textContent(), { timeout: 15_000 })
      .toContain('Ảnh minh chứng: 2/2 ảnh');
    expect([...staff.errors, ...leader.errors]).toEqual([]);
  }, 120_000); // two people sign in and two photos are decoded: allow for a loaded machine
});
