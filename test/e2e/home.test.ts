import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/src/config.js';
import { launchChromium } from '../helpers/browser.js';
import { createTestDatabase } from '../helpers/database.js';
import { freePort, type ServerProcess, startServer } from '../helpers/server-process.js';

describe('the mini app in a desktop browser', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      (async () =>
        startServer({
          DATABASE_URL: await createTestDatabase(),
          PORT: String(await freePort()),
          DATA_DIR: mkdtempSync(join(REPO_ROOT, '.data', 'e2e-')),
        }))(),
      launchChromium(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the Dầu Giây campaign theme, slogan and period on Trang chủ at 360 px', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url);
    await expect
      .poll(() => page.textContent('body'), { timeout: 15_000 })
      .toContain(
        'Khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số - Động lực chính của mô hình tăng trưởng mới',
      );
    const body = (await page.textContent('body')) ?? '';
    expect(body).toContain('Nhiệt liệt chào mừng Ngày Khoa học, Công nghệ và Đổi mới sáng tạo Việt Nam 18/5');
    expect(body).toContain('18/05/2026');
    expect(body).toContain('24/05/2026');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });
});
