import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/src/app.js';
import { loadConfig, SIMULATOR_APP } from '../../server/src/config.js';
import { seedDemoWardIfEmpty } from '../../server/src/seed/demo-ward.js';
import { createTestDatabase } from './database.js';

export const TEST_SESSION_SECRET = 'test-session-secret-that-is-long-enough-0123456789';

export function testConfig(env: Record<string, string> = {}) {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SESSION_SECRET: TEST_SESSION_SECRET,
    SERVE_MINI_APP: 'false',
    SCHEDULER: 'false',
    // The simulator unless the test gives Zalo credentials (then live, as on a server).
    ...(env.ZALO_APP_ID && env.ZALO_APP_SECRET ? {} : { ZALO_MODE: 'simulator' }),
    // A known key, so tests can sign webhooks as Zalo would (servers get a random one).
    ZALO_WEBHOOK_SECRET: SIMULATOR_APP.appSecret,
    ...env,
  });
}

export interface TestApp {
  app: FastifyInstance;
  databaseUrl: string;
  close(): Promise<void>;
}

/** The real app on its own database. `seed: true` adds the Dầu Giây demo ward. */
export async function buildTestApp(
  options: { seed?: boolean; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const databaseUrl = await createTestDatabase();
  const config = testConfig(options.env);
  const app = await buildApp(
    { ...config, databaseUrl, sessionSecret: TEST_SESSION_SECRET },
    { logger: false },
  );
  await app.ready();
  if (options.seed) await seedDemoWardIfEmpty(app.db);
  return { app, databaseUrl, close: () => app.close() };
}
