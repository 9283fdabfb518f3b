/**
 * The real app as a benchmark's child processes run it (the simulator, the server under test):
 * configured from their environment (set by the parent) plus `overrides`, without the mini app,
 * logging warnings only.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/src/app.js';
import { loadConfig } from '../../../server/src/config.js';

export async function buildBenchChildApp(
  overrides: Record<string, string>,
): Promise<{ app: FastifyInstance; port: number }> {
  const env = process.env;
  const config = loadConfig({
    ZALO_MODE: 'simulator', // a benchmark against the simulator
    ...env,
    ...overrides,
    SERVE_MINI_APP: 'false',
    LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
  });
  const app = await buildApp({
    ...config,
    databaseUrl: env.DATABASE_URL as string,
    sessionSecret: 'bench-session-secret-0123456789-abcdefghijklmnop',
  });
  return { app, port: config.port };
}
