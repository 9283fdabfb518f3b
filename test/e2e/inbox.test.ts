/**
 * The staff inbox as people use it: a resident asks the OA for a person in the Zalo simulator's page,
 * gets the automatic reply, staff find the conversation in Hộp thư (with its unread count), reply from
 * the mini app, and the resident's chat in the simulator shows the reply; staff then hand it back to
 * the bot and the resident is told.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SESSION_SECRET } from '../helpers/app.js';
import { openSignedIn, tab } from '../helpers/dev-login.js';
import { type Product, startProduct } from '../helpers/e2e-product.js';
import type { ServerProcess } from '../helpers/server-process.js';

const RESIDENT = { name: 'Lê Thị Hoa', oaUserId: '8800000000000000001' };
const STAFF = { fullName: 'Nguyễn Thị Nhi', unitName: 'Phòng Văn hóa - Xã hội' };

describe('staff inbox', () => {
  let product: Product;
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    product = await startProduct({ SESSION_SECRET: TEST_SESSION_SECRET, SCHEDULER: 'true' });
    ({ server, browser } = product);
  });
  afterAll(() => product?.stop());

  const chatLog = (page: Page) => page.locator('#log');

  it('a resident asks for a person, staff reply in the mini app, the chat shows it', {
    timeout: 180_000,
  }, async () => {
    const errors: string[] = [];
    // The resident writes in the simulator's page, as in Zalo.
    const sim = await (await browser.newContext({ viewport: { width: 1000, height: 800 } })).newPage();
    sim.on('pageerror', (error) => errors.push(error.message));
    await sim.goto(`${server.url}/sim`);
    await sim.locator(`nav button[data-key="u${RESIDENT.oaUserId}"]`).click();
    await sim.getByLabel('Tin nhắn').fill('Cho tôi gặp cán bộ phường với');
    await sim.getByRole('button', { name: 'Gửi', exact: true }).click();
    await expect
      .poll(() => chatLog(sim).textContent(), { timeout: 20_000 })
      .toContain('Tin nhắn đã được chuyển đến cán bộ phường');

    // Staff see it waiting, with one unread message, and open it.
    const staff = await openSignedIn(browser, server.url, STAFF);
    staff.on('pageerror', (error) => errors.push(error.message));
    await tab(staff, 'Hộp thư');
    const row = staff.locator('.inbox-row', { hasText: 'Người dân' });
    await expect.poll(() => row.locator('.inbox-unread').textContent(), { timeout: 20_000 }).toBe('1');
    expect(await row.textContent()).toContain('Cho tôi gặp cán bộ phường với');
    await row.click();
    await expect
      .poll(() => staff.locator('.inbox-thread').textContent(), { timeout: 15_000 })
      .toContain('Tin nhắn đã được chuyển đến cán bộ phường');

    // Staff reply from the mini app; the resident's chat in the simulator shows it.
    const answer = 'Chào chị Hoa, cán bộ Nhi đây. Chị cần hỗ trợ việc gì ạ?';
    await staff.getByLabel(/Trả lời \(tin tư vấn qua OA/).fill(answer);
    await staff.getByRole('button', { name: 'Gửi trả lời' }).click();
    await expect.poll(() => chatLog(sim).textContent(), { timeout: 20_000 }).toContain(answer);
    await expect
      .poll(() => staff.locator('.inbox-msg-out').last().textContent(), { timeout: 15_000 })
      .toContain('Nguyễn Thị Nhi');

    // Hand back to the bot (after confirming): the resident is told, and the bot answers again.
    await staff.getByRole('button', { name: 'Trả về trợ lý tự động' }).click();
    await staff.locator('.zaui-modal-content').getByText('Trả về trợ lý', { exact: true }).click();
    await expect
      .poll(() => chatLog(sim).textContent(), { timeout: 20_000 })
      .toContain('trợ lý tự động của OA sẽ tiếp tục hỗ trợ bạn');
    await expect
      .poll(() => staff.locator('.inbox-status').textContent(), { timeout: 15_000 })
      .toContain('Trợ lý tự động đang trả lời');
    expect(errors).toEqual([]);
  });
});
