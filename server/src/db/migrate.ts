/**
 * Applies `migrations/NNNN_verb_object.sql` in order, each in its own transaction, under an advisory
 * lock so that several instances starting together migrate once. Applied files are recorded with a
 * checksum; an applied file that was edited afterwards is refused by name (add a new migration instead).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { StartupError } from '../startup-error.js';

export const MIGRATIONS_DIR = new URL('../../../migrations/', import.meta.url).pathname;
const LOCK_KEY = 727_001; // any constant shared by every instance of this app
const FILE_PATTERN = /^(\d{4})_[a-z0-9_]+\.sql$/;

interface MigrationFile {
  id: number;
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .map((name) => {
      const match = FILE_PATTERN.exec(name);
      if (!match)
        throw new StartupError(`Tên tệp migration không hợp lệ: ${name} (cần dạng 0001_create_tables.sql).`);
      const sql = readFileSync(join(dir, name), 'utf8');
      return { id: Number(match[1]), name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    })
    .sort((a, b) => a.id - b.id);
}

export interface MigrateResult {
  applied: string[];
}

export async function migrate(databaseUrl: string, dir = MIGRATIONS_DIR): Promise<MigrateResult> {
  const files = readMigrations(dir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ id: number; name: string; checksum: string }>(
      'SELECT id, name, checksum FROM schema_migrations ORDER BY id',
    );
    const done = new Map(rows.map((row) => [row.id, row]));
    for (const file of files) {
      const previous = done.get(file.id);
      if (previous) {
        if (previous.checksum !== file.checksum || previous.name !== file.name) {
          throw new StartupError(
            `Migration ${file.name} đã được áp dụng nhưng sau đó bị sửa. Hãy hoàn lại tệp đó và thêm một migration mới.`,
          );
        }
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(file.sql);
        await client.query('INSERT INTO schema_migrations (id, name, checksum) VALUES ($1, $2, $3)', [
          file.id,
          file.name,
          file.checksum,
        ]);
        await client.query('COMMIT');
        applied.push(file.name);
      } catch (error) {
        await client.query('ROLLBACK');
        throw new StartupError(`Migration ${file.name} lỗi: ${(error as Error).message}`);
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
  return { applied };
}
