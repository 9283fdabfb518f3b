/**
 * npm run bench:photos: 200 generated 12 MP JPEGs with EXIF through POST /api/assignments/:id/evidence
 * (50 uploads in flight, over real HTTP, into the real pipeline and database), against raw sharp
 * thumbnailing of the same files in the same run (same concurrency). Prints one JSON line.
 *
 * The server runs in this process so its event-loop delay and RSS are what we measure; the client,
 * the baseline and the rounds are in photo-rounds.ts. bench:photos-floor runs the same rounds against
 * the least an upload can do on this machine.
 * BENCH_PHOTOS=40 npm run bench:photos while iterating.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { ensureDatabase, startEmbeddedPostgres } from '../../server/src/db/embedded-postgres.js';
import { migrate } from '../../server/src/db/migrate.js';
import { seedDemoWardIfEmpty } from '../../server/src/seed/demo-ward.js';
import { freePort } from './free-port.js';
import { generatePhotos, measureRounds, startClient } from './photo-rounds.js';

const COUNT = Number(process.env.BENCH_PHOTOS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
/** One full round of uploads warms both sides (JIT, libvips, connection pool, the upload memory). */
const WARM_UP = CONCURRENCY;

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'loa-bench-photos-'));
  const files = generatePhotos(join(work, 'input'), COUNT + WARM_UP);

  const postgres = await startEmbeddedPostgres({
    dataDir: join(work, 'pg'),
    port: await freePort(),
    durable: false,
  });
  await ensureDatabase(postgres.adminUrl, 'loa_phuong');
  await migrate(postgres.url);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATA_DIR: join(work, 'data'),
    SERVE_MINI_APP: 'false',
    ZALO_MODE: 'simulator',
  });
  const app = await buildApp(
    { ...config, databaseUrl: postgres.url, sessionSecret: 'bench-session-secret-0123456789abcdef' },
    { logger: false },
  );
  await seedDemoWardIfEmpty(app.db);
  const who = await app.db.withSystem(async (client) => {
    const { rows } = await client.query<{
      memberId: string;
      wardId: string;
      unitId: string;
      assignmentId: string;
    }>(
      `SELECT m.id AS "memberId", m.ward_id AS "wardId", m.unit_id AS "unitId", a.id AS "assignmentId"
         FROM members m JOIN assignments a ON a.unit_id = m.unit_id
        WHERE m.role IN ('team_member', 'team_lead') LIMIT 1`,
    );
    return rows[0];
  });
  if (!who) throw new Error('the demo ward has no team assignment');
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  const token = app.issueSession({ ...who, role: 'team_member', zaloUserId: undefined });

  const url = `http://127.0.0.1:${port}/api/assignments/${who.assignmentId}/evidence`;
  const client = startClient({ url, concurrency: CONCURRENCY, token });
  const figures = await measureRounds({
    client,
    warmUp: files.slice(COUNT),
    measured: files.slice(0, COUNT),
    concurrency: CONCURRENCY,
  });
  console.log(JSON.stringify({ bench: 'photos', ...figures }));
  await client.stop();
  await app.close();
  await postgres.stop();
  rmSync(work, { recursive: true, force: true });
}

await main();
