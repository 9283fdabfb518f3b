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
  listTables,
  tablesInForeignKeyOrder,
  tablesReferringToThemselves,
} from './catalog-sql.js';
import {
  beginLoad,
  commitLoad,
  dropPublicSchema,
  insertRows,
  loadTarget,
  moveStagedRows,
  rollbackLoad,
  seeEveryWard,
  setSequence,
  setUserTriggers,
  tryReplicaMode,
} from './load-sql.js';
import { BackupError, type BackupManifest, type TableEntry } from './manifest.js';

const INSERT_ROWS = 1_000;

/** Tables of the target that hold rows, with their counts (empty when the database is new). */
export async function rowsInTarget(url: string): Promise<{ table: string; rows: number }[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await seeEveryWard(client);
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
    await dropPublicSchema(client);
    await migrate(url, schema);

    await beginLoad(client);
    // As superuser, triggers (and so foreign-key checks) are off for the load. Without the right,
    // tables go in foreign-key order with their user triggers off, and a table referring to itself
    // is staged and moved in one statement.
    const replica = await tryReplicaMode(client);
    const selfReferring = replica ? new Set<string>() : new Set(await tablesReferringToThemselves(client));
    const present = new Set(await listTables(client));
    const byName = new Map(manifest.tables.map((table) => [table.name, table]));
    for (const name of await tablesInForeignKeyOrder(
      client,
      manifest.tables.map((table) => table.name),
    )) {
      const entry = byName.get(name)!;
      if (!present.has(name)) throw new BackupError(`Bảng ${name} của bản sao lưu không có trong lược đồ.`);
      if (!replica) await setUserTriggers(client, name, false);
      const staged = selfReferring.has(name);
      const into = await loadTarget(client, name, staged);
      for await (const batch of rowBatches(join(dir, 'database', entry.file), entry)) {
        await insertRows(client, name, into, entry.columns, batch);
      }
      if (staged) await moveStagedRows(client, name, into, entry.columns);
      if (!replica) await setUserTriggers(client, name, true);
    }
    for (const sequence of manifest.sequences) await setSequence(client, sequence.name, sequence.lastValue);
    await commitLoad(client);
  } catch (error) {
    await rollbackLoad(client);
    throw error;
  } finally {
    await client.end();
    await rm(schema, { recursive: true, force: true });
  }
  // Migrations newer than the backup (their data changes run over the restored rows).
  await migrate(url);
}
