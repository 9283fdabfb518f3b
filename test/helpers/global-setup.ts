/**
 * Once per `npm test`: a real PostgreSQL (embedded in .data/test, or TEST_DATABASE_URL's server), with a
 * migrated template database `loa_template`. Test files clone it (see database.ts).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../scripts/bench/free-port.js';
import { REPO_ROOT } from '../../server/src/config.js';
import { type RunningPostgres, startEmbeddedPostgres } from '../../server/src/db/embedded-postgres.js';
import { migrate } from '../../server/src/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

let embedded: RunningPostgres | undefined;

export async function setup(project: TestProject): Promise<void> {
  // The browser tests serve mini-app/dist: after a pull or a merge it can be older than the sources,
  // and the tests would then check yesterday's app. Rebuilt only when a source is newer.
  const build = spawnSync('node', [join(REPO_ROOT, 'scripts', 'build-mini-app-if-stale.mjs')], {
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('the mini app did not build (see above)');
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    project.provide('pgAdminUrl', external);
  } else {
    embedded = await startEmbeddedPostgres({
      dataDir: join(REPO_ROOT, '.data', 'test'),
      port: await freePort(),
      durable: false,
    });
    project.provide('pgAdminUrl', embedded.adminUrl);
  }
  const adminUrl = external ?? embedded!.adminUrl;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // Databases left by an earlier run (a run that was killed never reached its teardown).
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'loa_test_%' OR datname = 'loa_template'`,
    );
    for (const { datname } of rows)
      await admin.query(`DROP DATABASE ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
    await admin.query('CREATE DATABASE loa_template');
  } finally {
    await admin.end();
  }
  await migrate(withDatabase(adminUrl, 'loa_template'));
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
  // Data folders that start-up and browser tests made for their own server processes.
  const dataRoot = join(REPO_ROOT, '.data');
  for (const name of readdirSync(dataRoot)) {
    if (/^(start|e2e|tmp)-/.test(name)) rmSync(join(dataRoot, name), { recursive: true, force: true });
  }
}
