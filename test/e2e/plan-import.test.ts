/**
 * Staff import the ward's plan in the mini app at 360 px: upload it as a Word file, see the draft beside
 * the source with the theme's line highlighted, correct the title, save, and land on the new campaign.
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
});
