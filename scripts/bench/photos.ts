/**
 * npm run bench:photos: 200 generated 12 MP JPEGs with EXIF through POST /api/assignments/:id/evidence
 * (50 phones, each a team member of its own uploading one photo at a time, over real HTTP, into the
 * real pipeline and database), against raw sharp
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
import type { Db } from '../../server/src/plugins/db.js';
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
  const phones = await seedPhones(app.db, CONCURRENCY);
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });

  // Each connection is one phone: its own member's session and its own assignment, as 50 team members
  // uploading at once would be (the per-member limits apply to each, as in real use).
  const client = startClient({
    concurrency: CONCURRENCY,
    targets: phones.map((phone) => ({
      url: `http://127.0.0.1:${port}/api/assignments/${phone.assignmentId}/evidence`,
      token: app.issueSession({
        memberId: phone.memberId,
        wardId: phone.wardId,
        role: 'team_member',
        unitId: phone.unitId,
        zaloUserId: undefined,
      }),
    })),
  });
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

interface Phone {
  memberId: string;
  wardId: string;
  unitId: string;
  assignmentId: string;
}

/**
 * `count` phones for the bench: the demo ward has about 40 team members and fewer team assignments
 * than that, so each phone gets a bench team of its own in the ward, one member in it, and that team's
 * assignment of one of the demo campaign's team tasks. Plain SQL on columns that exist since the first
 * migration, so this script also runs unchanged on older commits (before/after figures).
 */
async function seedPhones(db: Db, count: number): Promise<Phone[]> {
  return db.withSystem(async (client) => {
    const { rows: tasks } = await client.query<{ taskId: string; wardId: string }>(
      `SELECT t.id AS "taskId", t.ward_id AS "wardId"
         FROM tasks t JOIN assignments a ON a.task_id = t.id JOIN units u ON u.id = a.unit_id
        WHERE u.kind = 'digital_team' AND NOT t.evidence_location_required
        ORDER BY t.sort_order, t.id LIMIT 1`,
    );
    const task = tasks[0];
    if (!task) throw new Error('the demo ward has no team task to upload photos for');
    const { rows } = await client.query<Phone>(
      `WITH numbers AS (SELECT n FROM generate_series(1, $3::int) AS n),
            teams AS (
              INSERT INTO units (ward_id, kind, name, short_name, sort_order)
              SELECT $1, 'digital_team', 'Tổ đo tải ' || n, 'Tổ đo ' || n, 900 + n FROM numbers
              RETURNING id, sort_order),
            people AS (
              INSERT INTO members (ward_id, unit_id, role, full_name, title)
              SELECT $1, id, 'team_member', 'Điện thoại đo tải ' || (sort_order - 900), 'Thành viên'
                FROM teams
              RETURNING id, unit_id),
            work AS (
              INSERT INTO assignments (ward_id, task_id, unit_id)
              SELECT $1, $2, id FROM teams
              RETURNING id, unit_id)
       SELECT p.id AS "memberId", $1::uuid AS "wardId", p.unit_id AS "unitId", w.id AS "assignmentId"
         FROM people p JOIN work w USING (unit_id)`,
      [task.wardId, task.taskId, count],
    );
    return rows;
  });
}

await main();
