/**
 * Staff download the demo campaign's results from the campaign screen in a real browser at 360 px:
 * the report (.docx) arrives as a file named by the server, opens as a Word package, and is the
 * report on the demo plan; the spreadsheet and the ledger come the same way.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SESSION_SECRET } from '../helpers/app.js';
import { openSignedIn, tab } from '../helpers/dev-login.js';
import { type Product, startProduct } from '../helpers/e2e-product.js';
import { paragraphs, unzip, xmlOf } from '../helpers/report-files.js';
import type { ServerProcess } from '../helpers/server-process.js';

describe('downloading the results from the campaign screen', () => {
  let server: ServerProcess;
  let browser: Browser;
  let product: Product;
  let staff: { fullName: string; unitName: string };
  let campaignTitle: string;

  beforeAll(async () => {
    product = await startProduct({ SESSION_SECRET: TEST_SESSION_SECRET });
    ({ server, browser } = product);
    const client = new pg.Client({ connectionString: product.databaseUrl });
    await client.connect();
    try {
      staff = (
        await client.query(
          `SELECT m.full_name AS "fullName", u.name AS "unitName" FROM members m JOIN units u ON u.id = m.unit_id
            WHERE m.role = 'staff' ORDER BY m.full_name LIMIT 1`,
        )
      ).rows[0];
      campaignTitle = (await client.query(`SELECT title FROM campaigns ORDER BY created_at LIMIT 1`)).rows[0]
        .title;
    } finally {
      await client.end();
    }
  });
  afterAll(() => product?.stop());

  it('saves the report, the spreadsheet and the ledger under the server’s names', async () => {
    const page = await openSignedIn(browser, server.url, staff);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await tab(page, 'Kế hoạch');
    await page.locator('.card-button').filter({ hasText: campaignTitle }).first().click();

    const [docx] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Tải Báo cáo kết quả (Word)' }).click(),
    ]);
    expect(docx.suggestedFilename()).toMatch(/^bao-cao-ket-qua-\d{4}-\d{2}-\d{2}\.docx$/);
    const files = unzip(readFileSync((await docx.path())!));
    const texts = paragraphs(xmlOf(files, 'word/document.xml')).map((p) => p.text);
    expect(texts).toContain('BÁO CÁO');
    expect(texts.some((text) => text.startsWith('Kết quả thực hiện Kế hoạch số'))).toBe(true);
    await expect.poll(() => page.getByTestId('report-docx').textContent()).toContain('Đã tải xong.');

    const [xlsx] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Tải Phụ lục tiến độ (Excel)' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/^phu-luc-tien-do-.*\.xlsx$/);
    expect(Object.keys(unzip(readFileSync((await xlsx.path())!)))).toContain('xl/worksheets/sheet1.xml');

    const [csv] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Tải Sổ gửi tin (CSV)' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^so-gui-tin-.*\.csv$/);
    expect(
      readFileSync((await csv.path())!)
        .subarray(0, 3)
        .toString('hex'),
    ).toBe('efbbbf');

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });
});
