import { defineConfig } from 'vitest/config';

/**
 * One command (`npm test`) runs every project. The global setup starts one real PostgreSQL for the
 * whole run and migrates a template database; each test file clones its own database from it.
 */
export default defineConfig({
  test: {
    globalSetup: ['./test/helpers/global-setup.ts'],
    projects: [
      { test: { name: 'shared', environment: 'node', include: ['shared/src/**/*.test.ts'] } },
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['test/server/**/*.test.ts', 'server/src/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      { test: { name: 'mini-app', environment: 'happy-dom', include: ['mini-app/src/**/*.test.{ts,tsx}'] } },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
