/**
 * npm run bench:report: the results report (.docx with its photo annex) of a campaign of 17 teams ×
 * 20 tasks × 3 accepted photos (12 MP originals), downloaded over real HTTP from the server in this
 * process, against the floor measured in the same run: the same display-copy bytes read from the same
 * storage and written into a zip by the same writer, with nothing else. Prints one JSON line:
 * {"bench":"report","seconds","floor_seconds","ratio","peak_rss_mb",…}, ratio = floor / report.
 *
 * Rounds alternate (floor, report) so both see the same machine; the medians are reported. The first
 * report renders every display copy from its original (as a first view does in the product); it is
 * reported as first_seconds and not measured. While reports build, /health is asked every 25 ms:
 * its p99 and the event-loop delay p99 say whether the server kept answering.
 * BENCH_TEAMS=2 BENCH_TASKS=2 BENCH_PHOTOS=1 npm run bench:report to check it works.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { buildApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { ensureDatabase, startEmbeddedPostgres } from '../../server/src/db/embedded-postgres.js';
import { migrate } from '../../server/src/db/migrate.js';
import { LocalDiskStorage } from '../../server/src/evidence/storage.js';
import { ZipWriter } from '../../server/src/reports/zip-writer.js';
import { freePort } from './free-port.js';
import { seedReportCampaign } from './report-seed.js';

const SIZE = {
  teams: Number(process.env.BENCH_TEAMS ?? 17),
  tasks: Number(process.env.BENCH_TASKS ?? 20),
  photos: Number(process.env.BENCH_PHOTOS ?? 3),
};
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** A sink that only counts, so neither side pays for where the bytes go. */
function counter(): { sink: Writable; bytes: () => number } {
  let total = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      done();
    },
  });
  return { sink, bytes: () => total };
}

function download(url: string, token: string): Promise<{ seconds: number; bytes: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    request(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`report answered ${res.statusCode}`));
      const { sink, bytes } = counter();
      pipeline(res, sink).then(
        () => resolve({ seconds: (performance.now() - started) / 1000, bytes: bytes() }),
        reject,
      );
    })
      .on('error', reject)
      .end();
  });
}

/** The floor: the same display copies, read from storage in the same order, zipped by the same writer. */
async function floor(storage: LocalDiskStorage, keys: string[]): Promise<{ seconds: number; bytes: number }> {
  const started = performance.now();
  const zip = new ZipWriter();
  const { sink, bytes } = counter();
  const piped = pipeline(zip.stream, sink);
  for (let i = 0; i < keys.length; i += 1)
    await zip.add(`word/media/image${i + 1}.jpg`, await storage.get(keys[i]!), false);
  zip.end();
  await piped;
  return { seconds: (performance.now() - started) / 1000, bytes: bytes() };
}

/** Asks /health every 25 ms while `running()`; the answer times in ms. */
function pinger(url: string) {
  const times: number[] = [];
  let stopped = false;
  const loop = async () => {
    while (!stopped) {
      const started = performance.now();
      await new Promise<void>((resolve) =>
        request(url, (res) => res.resume().on('end', () => resolve()))
          .on('error', () => resolve())
          .end(),
      );
      times.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const done = loop();
  return {
    async stop() {
      stopped = true;
      await done;
      return times;
    },
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const p99 = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.99))] ?? 0;

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'loa-bench-report-'));
  const postgres = await startEmbeddedPostgres({
    dataDir: join(work, 'pg'),
    port: await freePort(),
    durable: false,
  });
  try {
    await ensureDatabase(postgres.adminUrl, 'loa_phuong');
    await migrate(postgres.url);
    const dataDir = join(work, 'data');
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      SERVE_MINI_APP: 'false',
      ZALO_MODE: 'simulator',
    });
    const app = await buildApp(
      { ...config, databaseUrl: postgres.url, sessionSecret: 'bench-session-secret-0123456789abcdef' },
      { logger: false },
    );
    const photoRoot = join(dataDir, 'photos');
    const campaign = await seedReportCampaign(app.db, photoRoot, SIZE);
    const port = await freePort();
    await app.listen({ port, host: '127.0.0.1' });
    const token = app.issueSession({
      memberId: campaign.staffId,
      wardId: campaign.wardId,
      role: 'staff',
      unitId: undefined,
      zaloUserId: undefined,
    });
    const url = `http://127.0.0.1:${port}/api/campaigns/${campaign.campaignId}/report.docx`;

    // First build: renders every display copy from its 12 MP original.
    const first = await download(url, token);
    const { rows } = await app.db.withSystem((c) =>
      c.query<{ key: string }>(
        `SELECT f.display_key AS key FROM evidence e JOIN photo_files f ON f.ward_id = e.ward_id AND f.sha256 = e.photo_sha256
          WHERE e.ward_id = $1 ORDER BY e.created_at`,
        [campaign.wardId],
      ),
    );
    const storage = new LocalDiskStorage(photoRoot);
    const keys = rows.map((row) => row.key);
    await floor(storage, keys); // warm both sides' code paths once

    const loop = monitorEventLoopDelay({ resolution: 5 });
    let peakRss = process.memoryUsage.rss();
    let building = false;
    const sampler = setInterval(() => {
      if (building) peakRss = Math.max(peakRss, process.memoryUsage.rss());
    }, 20);
    const reports: number[] = [];
    const floors: number[] = [];
    const health: number[] = [];
    let bytes = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      floors.push((await floor(storage, keys)).seconds);
      const ping = pinger(`http://127.0.0.1:${port}/health`);
      loop.enable();
      building = true;
      const report = await download(url, token);
      building = false;
      loop.disable();
      health.push(...(await ping.stop()));
      reports.push(report.seconds);
      bytes = report.bytes;
    }
    clearInterval(sampler);
    const seconds = median(reports);
    const floorSeconds = median(floors);
    console.log(
      JSON.stringify({
        bench: 'report',
        seconds: Number(seconds.toFixed(3)),
        floor_seconds: Number(floorSeconds.toFixed(3)),
        ratio: Number((floorSeconds / seconds).toFixed(3)),
        peak_rss_mb: Math.round(peakRss / (1024 * 1024)),
        loop_delay_p99_ms: Number((loop.percentile(99) / 1e6).toFixed(1)),
        health_p99_ms: Number(p99(health).toFixed(1)),
        first_seconds: Number(first.seconds.toFixed(3)),
        photos: campaign.photos,
        teams: SIZE.teams,
        tasks: SIZE.tasks,
        report_mb: Number((bytes / (1024 * 1024)).toFixed(1)),
        rounds: ROUNDS,
        load_average: loadavg().map((n) => Number(n.toFixed(2))),
      }),
    );
    await app.close();
  } finally {
    await postgres.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
