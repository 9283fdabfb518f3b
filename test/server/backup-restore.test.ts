/**
 * `npm run backup` then `npm run restore` into a brand-new database and data folder gives back every
 * row of every table and every photo byte for byte; a non-empty target is refused without --force; a
 * damaged backup is refused before anything is touched.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import pg from 'pg';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { REPO_ROOT } from '../../server/src/config.js';
import { buildEvidenceApp, type EvidenceTestApp, multipart, PHOTOS } from '../helpers/evidence.js';
import { createWardWithEveryRow } from '../helpers/factories.js';
import { teamMemberHeader } from '../helpers/sessions.js';

function run(script: 'backup' | 'restore', args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      ...env,
    },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

async function freshDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await admin.connect();
  const name = `loa_restore_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(inject('pgAdminUrl'));
  url.pathname = `/${name}`;
  return url.toString();
}

/** Row count and a checksum of every row's text, per table (schema_migrations by name). */
async function tableFingerprints(url: string): Promise<Record<string, { rows: number; md5: string }>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1`,
    );
    const out: Record<string, { rows: number; md5: string }> = {};
    for (const { name } of tables) {
      const projection = name === 'schema_migrations' ? '(t.id, t.name, t.checksum)::text' : 't::text';
      const { rows } = await client.query<{ rows: number; md5: string }>(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(${projection}, E'\\n' ORDER BY ${projection}), '')) AS md5
           FROM "${name}" t`,
      );
      out[name] = rows[0]!;
    }
    const { rows: sequences } = await client.query<{ sequencename: string; last_value: string | null }>(
      `SELECT sequencename, last_value::text FROM pg_sequences WHERE schemaname = 'public'`,
    );
    for (const s of sequences) out[`sequence ${s.sequencename}`] = { rows: 0, md5: String(s.last_value) };
    return out;
  } finally {
    await client.end();
  }
}

function photoHashes(dataDir: string): Record<string, string> {
  const root = join(dataDir, 'photos');
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (path !== join(root, 'tmp')) walk(path);
      } else out[relative(root, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(root);
  return out;
}

describe('npm run backup / npm run restore', () => {
  let t: EvidenceTestApp;
  let sourceUrl: string;
  let backupDir: string;

  beforeAll(async () => {
    t = await buildEvidenceApp({ seed: true });
    sourceUrl = t.app.config.databaseUrl!;
    const ward = await createWardWithEveryRow(t.app.db);
    for (const name of ['phone-nokia-8.3.jpg', 'gps-nikon-dscn0010.jpg']) {
      const body = multipart({ bytes: readFileSync(join(PHOTOS, name)), filename: name });
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/assignments/${ward.assignmentId}/evidence`,
        headers: { ...teamMemberHeader(t.app, ward), ...body.headers },
        payload: body.payload,
      });
      expect(response.statusCode).toBe(201);
    }
    // The app's background jobs write (job_runs): stopped, so the source stays what the backup saw.
    await t.close();
    const out = mkdtempSync(join(tmpdir(), 'loa-backups-'));
    const backup = run('backup', ['--out', out], { DATABASE_URL: sourceUrl, DATA_DIR: t.dataDir });
    expect(backup.err).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.out).toMatch(/Đã sao lưu \d+ bảng \(\d+ dòng\) và 4 tệp ảnh vào /);
    const [folder] = readdirSync(out);
    expect(folder).toMatch(/^loa-phuong-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ$/);
    backupDir = join(out, folder!);
  }, 180_000);

  it('gives back every table and every photo in a new database and data folder', async () => {
    const manifest = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8'));
    expect(manifest.photos).toHaveLength(4); // two originals and two thumbnails
    const targetUrl = await freshDatabase();
    const targetDir = mkdtempSync(join(tmpdir(), 'loa-restored-'));
    const restore = run('restore', [backupDir], { DATABASE_URL: targetUrl, DATA_DIR: targetDir });
    expect(restore.err).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.out).toContain('Đã khôi phục bản sao lưu lúc');

    const before = await tableFingerprints(sourceUrl);
    const after = await tableFingerprints(targetUrl);
    expect(Object.keys(before).length).toBeGreaterThan(25);
    // Rows really there: the seeded ward, its members, the uploaded evidence.
    for (const table of ['wards', 'members', 'tasks', 'evidence', 'photo_files', 'audit_log'])
      expect(before[table]!.rows, table).toBeGreaterThan(0);
    expect(after).toEqual(before);
    expect(photoHashes(targetDir)).toEqual(photoHashes(t.dataDir));

    // The restored database works with the app's role: the sequences and policies came back.
    const client = new pg.Client({ connectionString: targetUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM wards');
      expect(rows[0]!.n).toBe(before.wards!.rows);
    } finally {
      await client.end();
    }
  }, 120_000);

  it('refuses a target that holds rows unless --force, then replaces it and keeps the old photos aside', async () => {
    const targetUrl = await freshDatabase();
    const targetDir = mkdtempSync(join(tmpdir(), 'loa-restored-'));
    expect(run('restore', [backupDir], { DATABASE_URL: targetUrl, DATA_DIR: targetDir }).code).toBe(0);
    // Someone works on the restored copy…
    const client = new pg.Client({ connectionString: targetUrl });
    await client.connect();
    await client.query(`DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log LIMIT 1)`);
    const changed = await tableFingerprints(targetUrl);

    const refused = run('restore', [backupDir], { DATABASE_URL: targetUrl, DATA_DIR: targetDir });
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Nơi khôi phục đã có dữ liệu');
    expect(refused.err).toContain('--force');
    expect(await tableFingerprints(targetUrl)).toEqual(changed);

    const forced = run('restore', [backupDir, '--force'], { DATABASE_URL: targetUrl, DATA_DIR: targetDir });
    expect(forced.code).toBe(0);
    expect(forced.out).toContain('Kho ảnh cũ được giữ lại ở');
    expect(await tableFingerprints(targetUrl)).toEqual(await tableFingerprints(sourceUrl));
    expect(photoHashes(targetDir)).toEqual(photoHashes(t.dataDir));
    await client.end();
  }, 120_000);

  it('refuses a damaged backup before touching the target', async () => {
    const manifest = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8'));
    const photo = join(backupDir, 'photos', manifest.photos[0].key);
    const original = readFileSync(photo);
    const damaged = Buffer.from(original);
    const middle = damaged.length >> 1;
    damaged[middle] = (damaged[middle] ?? 0) ^ 0xff;
    writeFileSync(photo, damaged);
    try {
      const targetUrl = await freshDatabase();
      const result = run('restore', [backupDir], {
        DATABASE_URL: targetUrl,
        DATA_DIR: mkdtempSync(join(tmpdir(), 'loa-restored-')),
      });
      expect(result.code).toBe(1);
      expect(result.err).toContain('bị hỏng');
      expect(Object.keys(await tableFingerprints(targetUrl))).toEqual([]);
    } finally {
      writeFileSync(photo, original);
    }
  }, 60_000);
});
