import { formatPeriodVi, wardDayOf } from '@loa/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PLAN } from '../../server/src/seed/demo-plan.js';
import { placeCampaignAround } from '../../server/src/seed/place-demo.js';
import { type Product, startProduct } from '../helpers/e2e-product.js';
import type { ServerProcess } from '../helpers/server-process.js';

describe('the mini app in a desktop browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let product: Product;

  beforeAll(async () => {
    product = await startProduct();
    ({ server, browser } = product);
  });
  afterAll(() => product?.stop());

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
    // The demo plan (18–24/05/2026 in its text) is placed around the day the server seeded it.
    const { campaign } = placeCampaignAround(wardDayOf(new Date()), DEMO_PLAN.campaign, []);
    expect(body).toContain(formatPeriodVi(campaign.startsOn, campaign.endsOn));
    expect(body).toContain('Đang diễn ra');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });
});
