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

/**
 * A database owned by a new login role that is not a superuser (nor may it create roles or
 * databases), as on a managed server: the URL signs in as that owner.
 */
async function databaseOwnedByPlainRole(): Promise<{ ownerUrl: string; adminUrl: string; role: string }> {
  const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await admin.connect();
  const suffix = `${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const role = `loa_owner_${suffix}`;
  const name = `loa_restore_owned_${suffix}`;
  const password = `pw-${suffix}`;
  try {
    await admin.query(
      `CREATE ROLE ${role} LOGIN PASSWORD '${password}' NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS`,
    );
    await admin.query(`CREATE DATABASE ${name} OWNER ${role}`);
  } finally {
    await admin.end();
  }
  const adminUrl = new URL(inject('pgAdminUrl'));
  adminUrl.pathname = `/${name}`;
  const ownerUrl = new URL(adminUrl);
  ownerUrl.username = role;
  ownerUrl.password = password;
  return { ownerUrl: ownerUrl.toString(), adminUrl: adminUrl.toString(), role };
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
    // A neighbourhood whose 1,100 teams lie before it in the table (it was edited after they were
    // added): loaded in batches of 1,000 in that order, the first batch would name a unit not yet in.
    await t.app.db.withSystem(async (client) => {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO units (ward_id, kind, name) VALUES ($1, 'khu_pho', 'Khu phố Mới') RETURNING id`,
        [ward.wardId],
      );
      await client.query(
        `INSERT INTO units (ward_id, kind, name, khu_pho_unit_id)
         SELECT $1, 'digital_team', 'Tổ ' || n, $2 FROM generate_series(1, 1100) n`,
        [ward.wardId, rows[0]!.id],
      );
      await client.query(`UPDATE units SET short_name = 'KP Mới' WHERE id = $1`, [rows[0]!.id]);
      const { rows: before } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM units WHERE khu_pho_unit_id = $1
            AND ctid < (SELECT ctid FROM units WHERE id = $1)`,
        [rows[0]!.id],
      );
      expect(before[0]!.n).toBeGreaterThan(1_000);
    });
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

  // On a managed server the app's database belongs to a role that is no superuser: restore cannot
  // switch triggers off wholesale (session_replication_role) nor bypass row-level security.
  it('restores as a role that owns the new database but is not a superuser', async () => {
    const target = await databaseOwnedByPlainRole();
    const targetDir = mkdtempSync(join(tmpdir(), 'loa-restored-'));
    const restore = run('restore', [backupDir], { DATABASE_URL: target.ownerUrl, DATA_DIR: targetDir });
    expect(restore.err).toBe('');
    expect(restore.code).toBe(0);
    // Compared as the superuser, who sees every ward's rows whatever the policies say.
    expect(await tableFingerprints(target.adminUrl)).toEqual(await tableFingerprints(sourceUrl));
    expect(photoHashes(targetDir)).toEqual(photoHashes(t.dataDir));

    // The owner's app works on it: reads its ward through the policies, writes with the sequences and
    // the triggers back on (a member's role change moves their session version on).
    const client = new pg.Client({ connectionString: target.ownerUrl });
    await client.connect();
    try {
      const { rows: owners } = await client.query<{ owner: string; superuser: boolean }>(
        `SELECT tableowner AS owner, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser
           FROM pg_tables WHERE schemaname = 'public' AND tablename = 'members'`,
      );
      expect(owners[0]).toEqual({ owner: target.role, superuser: false });
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.ward_id', 'all', true)`);
      const { rows } = await client.query<{ id: string; version: number }>(
        `SELECT id, session_version AS version FROM members WHERE role = 'team_member' ORDER BY id LIMIT 1`,
      );
      const member = rows[0]!;
      await client.query(`UPDATE members SET role = 'team_lead' WHERE id = $1`, [member.id]);
      const { rows: after } = await client.query<{ version: number }>(
        `SELECT session_version AS version FROM members WHERE id = $1`,
        [member.id],
      );
      expect(after[0]!.version).toBe(member.version + 1);
      await client.query('ROLLBACK');
      // Without the ward setting, the policies hide every row (FORCE applies to the owner too).
      const { rows: hidden } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM members');
      expect(hidden[0]!.n).toBe(0);
    } finally {
      await client.end();
    }
  }, 180_000);

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
