/**
 * Staff import the ward's plan in the mini app at 360 px: upload it as a Word file, see the draft beside
 * the source with the theme's line highlighted, correct the title, save, and land on the new campaign.
 * The preview tells, under each task's place, whether it is one of the ward's saved places (photos are
 * then checked within its radius) or a name kept as typed.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftFromText } from '../../server/src/imports/service.js';
import { openSignedIn, tab } from '../helpers/dev-login.js';
import { type Product, startProduct } from '../helpers/e2e-product.js';
import { planDocx } from '../helpers/plan-documents.js';
import type { ServerProcess } from '../helpers/server-process.js';

const PLAN = readFileSync(new URL('../fixtures/plan-dau-giay-khcn-2026.txt', import.meta.url), 'utf8');
const CORRECTED = 'Kế hoạch hưởng ứng Ngày Khoa học, Công nghệ và Đổi mới sáng tạo Việt Nam 18/5/2026';

describe('importing the plan in the mini app', () => {
  let server: ServerProcess;
  let browser: Browser;
  let product: Product;

  const query = async (sql: string, values: unknown[] = []) => {
    const client = new pg.Client({ connectionString: product.databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql, values)).rows;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    product = await startProduct();
    ({ server, browser } = product);
  });
  afterAll(() => product?.stop());

  it('uploads the .docx, highlights the source line, takes a correction and saves the campaign with its tasks', async () => {
    const page = await openSignedIn(browser, server.url, {
      unitName: 'Phòng Văn hóa - Xã hội',
      fullName: 'Nguyễn Thị Nhi',
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await tab(page, 'Kế hoạch');
    await page.getByRole('button', { name: 'Nhập từ văn bản kế hoạch' }).click();
    await page.getByLabel('Hoặc chọn tệp .docx / .pdf').setInputFiles({
      name: 'ke-hoach-khcn-2026.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: await planDocx(PLAN),
    });
    await page.getByRole('button', { name: 'Đọc kế hoạch' }).click();

    const theme = page.getByLabel('Chủ đề', { exact: true });
    await expect
      .poll(() => theme.inputValue(), { timeout: 20_000 })
      .toBe(
        'Khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số - Động lực chính của mô hình tăng trưởng mới',
      );
    await theme.focus();
    await expect
      .poll(() => page.locator('.import-source li.highlight').textContent())
      .toContain('1. Chủ đề: “Khoa học, công nghệ');
    expect(await page.getByLabel('Ngày bắt đầu *').inputValue()).toBe('2026-05-18');
    expect(await page.getByLabel('Người ký', { exact: true }).inputValue()).toBe('Bùi Văn Điệp');

    // The draft and its source fit a 360 px phone.
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await page.getByLabel('Tên kế hoạch *').fill(CORRECTED);
    // The issuing body and place are the document's; staff write the body out in full.
    expect(await page.getByLabel('Cơ quan ban hành', { exact: true }).inputValue()).toBe(
      'UBND phường Dầu Giây',
    );
    expect(await page.getByLabel('Địa danh', { exact: true }).inputValue()).toBe('Dầu Giây');
    await page.getByLabel('Cơ quan ban hành', { exact: true }).fill('Ủy ban nhân dân phường Dầu Giây');
    // One proposed article becomes a banner at the market: its kind and place are corrected here.
    const proposed = draftFromText(PLAN, 'text').proposedTasks;
    const n = proposed.findIndex((task) => task.kind === 'article') + 1;
    expect(n).toBeGreaterThan(0);
    await page.getByLabel(`Loại nhiệm vụ ${n}`, { exact: true }).selectOption('hang_banner');
    await page.getByLabel(`Địa điểm, nhiệm vụ ${n}`, { exact: true }).fill('Chợ Dầu Giây');
    await page.getByRole('button', { name: 'Lưu thành kế hoạch' }).click();
    await page.locator('.zaui-modal-content').getByText('Lưu', { exact: true }).click();
    // The app now shows the new campaign (the router keeps its place in memory, not in the URL).
    await expect
      .poll(() => page.locator('h1.detail-title').textContent(), { timeout: 20_000 })
      .toBe(CORRECTED);
    expect(await page.getByLabel('Tên kế hoạch *').count()).toBe(0);
    expect(await page.locator('.campaign-field', { hasText: 'Cơ quan ban hành' }).textContent()).toContain(
      'Ủy ban nhân dân phường Dầu Giây',
    );
    // The plan as written is there, folded away until asked for.
    const source = page.locator('details.source-text');
    expect(await source.locator('pre').isVisible()).toBe(false);
    await source.getByText('Văn bản kế hoạch gốc').click();
    await expect.poll(() => source.locator('pre').isVisible()).toBe(true);
    expect(await source.locator('pre').textContent()).toContain('1. Chủ đề: “Khoa học, công nghệ');

    const [campaign] = await query(
      `SELECT c.id, c.status, c.theme, u.name AS lead, c.issuing_body, c.issuing_place,
              (SELECT count(*)::int FROM tasks t WHERE t.campaign_id = c.id) AS tasks
         FROM campaigns c JOIN units u ON u.id = c.lead_unit_id WHERE c.title = $1`,
      [CORRECTED],
    );
    expect(campaign).toMatchObject({
      status: 'draft',
      lead: 'Phòng Văn hóa - Xã hội',
      tasks: proposed.length,
      issuing_body: 'Ủy ban nhân dân phường Dầu Giây',
      issuing_place: 'Dầu Giây',
    });
    const [banner] = await query(
      `SELECT kind, place_name, evidence_photo_count AS photos, evidence_location_required AS located
         FROM tasks WHERE campaign_id = $1 AND title = $2`,
      [campaign.id, proposed[n - 1]!.title],
    );
    expect(banner).toEqual({ kind: 'hang_banner', place_name: 'Chợ Dầu Giây', photos: 1, located: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });
  it('shows under each imported place whether it is a saved place of the ward or kept as typed, on a phone', async () => {
    const [staff] = await query(`SELECT ward_id FROM members WHERE full_name = 'Nguyễn Thị Nhi'`);
    // The ward has saved its UBND office (with a 60 m photo radius); the public service centre is not saved.
    await query(
      `INSERT INTO places (ward_id, name, address, lat, lng, radius_m)
       VALUES ($1, 'Trụ sở UBND phường Dầu Giây', 'Quốc lộ 1A', 10.9431, 107.1402, 60)`,
      [staff.ward_id],
    );
    const page = await openSignedIn(browser, server.url, {
      unitName: 'Phòng Văn hóa - Xã hội',
      fullName: 'Nguyễn Thị Nhi',
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await tab(page, 'Kế hoạch');
    await page.getByRole('button', { name: 'Nhập từ văn bản kế hoạch' }).click();
    await page.getByLabel('Hoặc chọn tệp .docx / .pdf').setInputFiles({
      name: 'ke-hoach-khcn-2026.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: await planDocx(PLAN),
    });
    await page.getByRole('button', { name: 'Đọc kế hoạch' }).click();

    const proposed = draftFromText(PLAN, 'text').proposedTasks;
    const numberOf = (place: string) =>
      proposed.findIndex((task) => task.kind === 'hang_banner' && task.placeName === place) + 1;
    const ubnd = numberOf('Trụ sở UBND phường');
    const centre = numberOf('Trung tâm Phục vụ Hành chính công');
    expect([ubnd > 0, centre > 0]).toEqual([true, true]);
    const placeBox = (n: number) => page.getByLabel(`Địa điểm, nhiệm vụ ${n}`, { exact: true });
    const hint = (n: number) =>
      page
        .locator('ol.import-tasks > li')
        .nth(n - 1)
        .locator('[data-place-match]');

    // The UBND banner's place became the saved place, named as saved, with its radius.
    await expect
      .poll(() => placeBox(ubnd).inputValue(), { timeout: 20_000 })
      .toBe('Trụ sở UBND phường Dầu Giây');
    expect(await hint(ubnd).textContent()).toBe(
      'Địa điểm đã lưu của phường: ảnh được kiểm tra trong bán kính 60 m.',
    );
    // The centre is not a saved place: its name stays as the plan wrote it, and the hint says so.
    expect(await placeBox(centre).inputValue()).toBe('Trung tâm Phục vụ Hành chính công');
    expect(await hint(centre).textContent()).toMatch(
      /^Chưa khớp địa điểm đã lưu nào của phường: giữ tên như đã ghi/,
    );

    // Changing the saved place's name makes it a name as typed; typing the saved name back restores it.
    await placeBox(ubnd).fill('Trụ sở UBND phường (cổng sau)');
    await expect.poll(() => hint(ubnd).getAttribute('data-place-match')).toBe('typed');
    expect(await hint(ubnd).textContent()).toMatch(/giữ tên như đã ghi/);
    await placeBox(ubnd).fill('Trụ sở UBND phường Dầu Giây');
    await expect.poll(() => hint(ubnd).getAttribute('data-place-match')).toBe('saved');
    // An emptied place box shows no hint at all.
    await placeBox(centre).fill('');
    await expect.poll(() => hint(centre).count()).toBe(0);

    // On the 360 px phone the hint is read in full: on screen, wrapped within the width, nothing scrolls sideways.
    await hint(ubnd).scrollIntoViewIfNeeded();
    const box = await hint(ubnd).boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    expect(await hint(ubnd).isVisible()).toBe(true);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });
});
