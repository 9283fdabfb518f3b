import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { REPO_ROOT } from '../../server/src/config.js';
import { launchChromium } from './browser.js';
import { createTestDatabase } from './database.js';
import { freePort, type ServerProcess, startServer } from './server-process.js';

export interface Product {
  server: ServerProcess;
  browser: Browser;
  databaseUrl: string;
  stop(): Promise<void>;
}

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
    async stop() {
      await browser.close();
      await server.stop();
    },
  };
}
