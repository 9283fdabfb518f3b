/** What the backup reads from PostgreSQL's catalogue: the app's tables, their columns, their links. */
import type pg from 'pg';

/** Bookkeeping of the migration runner; the manifest carries it instead. */
const NOT_DATA = new Set(['schema_migrations']);

export async function listTables(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname`,
  );
  return rows.map((row) => row.name).filter((name) => !NOT_DATA.has(name));
}

/** Stored columns only: generated columns are recomputed by the target. */
export async function insertableColumns(client: pg.ClientBase, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT a.attname AS name FROM pg_attribute a
      WHERE a.attrelid = ('public.' || quote_ident($1))::regclass AND a.attnum > 0
        AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY a.attnum`,
    [table],
  );
  return rows.map((row) => row.name);
}

export async function listSequences(
  client: pg.ClientBase,
): Promise<{ name: string; lastValue: string | null }[]> {
  const { rows } = await client.query<{ name: string; last_value: string | null }>(
    `SELECT sequencename AS name, last_value::text FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`,
  );
  return rows.map((row) => ({ name: row.name, lastValue: row.last_value }));
}

/** Tables in an order where every referenced table comes before the tables referring to it. */
export async function tablesInForeignKeyOrder(client: pg.ClientBase, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE c.contype = 'f' AND n.nspname = 'public' AND c.conrelid <> c.confrelid`,
  );
  const parents = new Map(tables.map((table) => [table, new Set<string>()]));
  for (const { child, parent } of rows) parents.get(child.replace(/"/g, ''))?.add(parent.replace(/"/g, ''));
  const ordered: string[] = [];
  const placed = new Set<string>();
  const place = (table: string, path: Set<string>) => {
    if (placed.has(table) || path.has(table)) return; // a cycle: the replica mode covers it
    path.add(table);
    for (const parent of parents.get(table) ?? []) if (parents.has(parent)) place(parent, path);
    placed.add(table);
    ordered.push(table);
  };
  for (const table of tables) place(table, new Set());
  return ordered;
}

/** Tables with a foreign key to themselves (a unit's neighbourhood is a unit). */
export async function tablesReferringToThemselves(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT DISTINCT c.conrelid::regclass::text AS name
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE c.contype = 'f' AND n.nspname = 'public' AND c.conrelid = c.confrelid`,
  );
  return rows.map((row) => row.name.replace(/"/g, ''));
}

export async function countRows(client: pg.ClientBase, table: string): Promise<number> {
  const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ONLY public.${ident(table)}`);
  return Number(rows[0]!.n);
}

export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
