/**
 * The database half of a restore. The target gets exactly the schema the rows were taken from (the
 * backup's own migrations, checked against this code's files), then the rows, the sequences, and
 * finally any newer migrations of this code, so a backup from last month restores into today's code.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import pg from 'pg';
import { migrate, readMigrations } from '../db/migrate.js';
import {
  countRows,
  ident,
  listTables,
  tablesInForeignKeyOrder,
  tablesReferringToThemselves,
} from './catalog-sql.js';
import { BackupError, type BackupManifest, type TableEntry } from './manifest.js';

const INSERT_ROWS = 1_000;

/** Tables of the target that hold rows, with their counts (empty when the database is new). */
export async function rowsInTarget(url: string): Promise<{ table: string; rows: number }[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SELECT set_config('app.ward_id', 'all', false)`);
    const found: { table: string; rows: number }[] = [];
    for (const table of await listTables(client)) {
      const rows = await countRows(client, table);
      if (rows > 0) found.push({ table, rows });
    }
    return found;
  } finally {
    await client.end();
  }
}

/** The backup's migrations as files of this code; refuses when the code does not have one of them. */
async function backupSchemaFolder(manifest: BackupManifest): Promise<string> {
  const ours = new Map(readMigrations().map((file) => [file.id, file]));
  const folder = await mkdtemp(join(tmpdir(), 'loa-restore-schema-'));
  for (const wanted of manifest.migrations) {
    const file = ours.get(wanted.id);
    if (!file || file.name !== wanted.name || file.checksum !== wanted.checksum) {
      await rm(folder, { recursive: true, force: true });
      throw new BackupError(
        `Bản sao lưu dùng migration ${wanted.name} mà mã nguồn này ${file ? 'có nội dung khác' : 'không có'}. Hãy khôi phục bằng phiên bản mã nguồn mới hơn hoặc bằng phiên bản đã tạo bản sao lưu.`,
      );
    }
    await writeFile(join(folder, file.name), file.sql);
  }
  return folder;
}

async function* rowBatches(path: string, entry: TableEntry): AsyncGenerator<string[]> {
  const hash = createHash('sha256');
  let batch: string[] = [];
  let rows = 0;
  const lines = createInterface({
    input: createReadStream(path).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) {
    hash.update(`${line}\n`);
    rows += 1;
    batch.push(line);
    if (batch.length === INSERT_ROWS) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
  // Checked at the end: the whole load is one transaction, so a mismatch rolls every row back.
  if (rows !== entry.rows || hash.digest('hex') !== entry.sha256) {
    throw new BackupError(
      `Tệp ${entry.file} của bản sao lưu bị hỏng hoặc không đầy đủ (không khớp manifest.json).`,
    );
  }
}

export async function loadDatabase(url: string, dir: string, manifest: BackupManifest): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const schema = await backupSchemaFolder(manifest);
  try {
    // A clean public schema: the caller has checked it holds no rows, or the operator said --force.
    await client.query('DROP SCHEMA IF EXISTS public CASCADE');
    await client.query('CREATE SCHEMA public');
    await migrate(url, schema);

    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.ward_id', 'all', true)`);
    // Foreign keys are checked by triggers; as superuser we switch them off for the load (the rows
    // were consistent when taken). Without the right (a managed server's owner role), tables go in
    // foreign-key order, the owner switches off its own triggers (DISABLE TRIGGER USER: the rows are
    // loaded as they were, not changed again), and a table referring to itself is loaded in one
    // statement, whose checks run once all its rows are in.
    await client.query('SAVEPOINT replica');
    let replica = true;
    try {
      await client.query('SET LOCAL session_replication_role = replica');
    } catch {
      await client.query('ROLLBACK TO SAVEPOINT replica');
      replica = false;
    }
    const selfReferring = replica ? new Set<string>() : new Set(await tablesReferringToThemselves(client));
    const present = new Set(await listTables(client));
    const byName = new Map(manifest.tables.map((table) => [table.name, table]));
    for (const name of await tablesInForeignKeyOrder(
      client,
      manifest.tables.map((table) => table.name),
    )) {
      const entry = byName.get(name)!;
      if (!present.has(name)) throw new BackupError(`Bảng ${name} của bản sao lưu không có trong lược đồ.`);
      const list = entry.columns.map(ident).join(', ');
      const target = `public.${ident(name)}`;
      if (!replica) await client.query(`ALTER TABLE ${target} DISABLE TRIGGER USER`);
      // A table that refers to itself is staged first, then moved in one statement.
      const staged = selfReferring.has(name);
      const into = staged ? ident(`restore_${name}`) : target;
      if (staged) await client.query(`CREATE TEMP TABLE ${into} (LIKE ${target}) ON COMMIT DROP`);
      const insert = `INSERT INTO ${into} (${list}) ${staged ? '' : 'OVERRIDING SYSTEM VALUE'}
        SELECT ${list} FROM json_populate_recordset(NULL::${target}, $1::json)`;
      for await (const batch of rowBatches(join(dir, 'database', entry.file), entry)) {
        await client.query(insert, [`[${batch.join(',')}]`]);
      }
      if (staged)
        await client.query(
          `INSERT INTO ${target} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM ${into}`,
        );
      if (!replica) await client.query(`ALTER TABLE ${target} ENABLE TRIGGER USER`);
    }
    for (const sequence of manifest.sequences) {
      await client.query(
        sequence.lastValue === null
          ? `SELECT setval(${literal(`public.${ident(sequence.name)}`)}, 1, false)`
          : `SELECT setval(${literal(`public.${ident(sequence.name)}`)}, ${BigInt(sequence.lastValue)}, true)`,
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
    await rm(schema, { recursive: true, force: true });
  }
  // Migrations newer than the backup (their data changes run over the restored rows).
  await migrate(url);
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
