import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { REPO_ROOT } from '../../server/src/config.js';
import { TEST_SESSION_SECRET } from './app.js';
import { launchChromium } from './browser.js';
import { createTestDatabase } from './database.js';
import { freePort, type ServerProcess, startServer } from './server-process.js';
import { signTestSession } from './session-token.js';

export interface Product {
  server: ServerProcess;
  browser: Browser;
  databaseUrl: string;
  /**
   * The API as `who`, with a session token signed by the product's SESSION_SECRET (the test secret
   * unless the test chose another): the status and the JSON answer (null for 204).
   */
  api(who: SignedPerson, method: string, path: string, body?: unknown): Promise<ApiAnswer>;
  stop(): Promise<void>;
}

// biome-ignore lint/suspicious/noExplicitAny: each test reads the fields it asked for, as response.json() gives them
type ApiAnswer = { status: number; json: any };

/** Who a test acts as: the session token's fields. */
export type SignedPerson = Parameters<typeof signTestSession>[1];

/** The whole product for a browser test: the real server on its own database, and Chromium. */
export async function startProduct(env: Record<string, string> = {}): Promise<Product> {
  const databaseUrl = await createTestDatabase();
  const [server, browser] = await Promise.all([
    (async () =>
      startServer({
        DATABASE_URL: databaseUrl,
        PORT: String(await freePort()),
        DATA_DIR: mkdtempSync(join(REPO_ROOT, '.data', 'e2e-')),
        ...env,
      }))(),
    launchChromium(),
  ]);
  return {
    server,
    browser,
    databaseUrl,
    async api(who, method, path, body) {
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${signTestSession(env.SESSION_SECRET ?? TEST_SESSION_SECRET, who)}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: response.status, json: response.status === 204 ? null : await response.json() };
    },
    async stop() {
      await browser.close();
      await server.stop();
    },
  };
}

/** Clicks the button `action` in the open confirmation dialog (zmp-ui's Modal). */
export function confirmModal(page: Page, action: string): Promise<void> {
  return page.locator('.zaui-modal-content').getByText(action, { exact: true }).click();
}

/** How far the page is wider than the phone's screen: 0 or less when nothing scrolls sideways. */
export function noOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}
