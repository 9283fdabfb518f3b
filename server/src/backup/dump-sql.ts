/** The statements of a backup's database half: one read-only snapshot, each table read by a cursor. */
import type pg from 'pg';
import { ident } from './catalog-sql.js';

const FETCH_ROWS = 2_000;

/**
 * One consistent snapshot of every ward's rows: the row-level security policies let 'all' through (the
 * owner is subject to them through FORCE; a superuser bypasses them anyway).
 */
export async function openSnapshot(client: pg.ClientBase): Promise<void> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  await client.query(`SELECT set_config('app.ward_id', 'all', true)`);
}

export async function closeSnapshot(client: pg.ClientBase): Promise<void> {
  await client.query('COMMIT');
}

/** Whether the migrations ever ran here (a database with nothing to back up has no schema_migrations). */
export async function hasSchema(client: pg.ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ t: string | null }>(
    `SELECT to_regclass('public.schema_migrations') AS t`,
  );
  return rows[0]?.t != null;
}

export async function listMigrations(
  client: pg.ClientBase,
): Promise<{ id: number; name: string; checksum: string }[]> {
  const { rows } = await client.query<{ id: number; name: string; checksum: string }>(
    'SELECT id, name, checksum FROM schema_migrations ORDER BY id',
  );
  return rows;
}

/** A table's rows as JSON lines, `row_to_json` keeping every value in PostgreSQL's own text form. */
export async function* tableLines(
  client: pg.ClientBase,
  table: string,
  columns: string[],
): AsyncGenerator<string> {
  const list = columns.map(ident).join(', ');
  await client.query(
    `DECLARE backup_rows NO SCROLL CURSOR FOR
       SELECT row_to_json(r)::text AS line FROM (SELECT ${list} FROM ONLY public.${ident(table)} t) r`,
  );
  try {
    for (;;) {
      const { rows } = await client.query<{ line: string }>(`FETCH ${FETCH_ROWS} FROM backup_rows`);
      if (!rows.length) return;
      for (const row of rows) yield `${row.line}\n`;
    }
  } finally {
    await client.query('CLOSE backup_rows');
  }
}
