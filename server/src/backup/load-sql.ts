/**
 * The statements of a restore's database half: a clean schema, then one transaction that loads every
 * table's rows and sets the sequences. Table and column names come from the catalogue and the checked
 * manifest, always quoted (`ident`); the rows travel as a parameter.
 */
import type pg from 'pg';
import { ident } from './catalog-sql.js';

/** Lets this session see every ward's rows (its statements run outside a transaction). */
export async function seeEveryWard(client: pg.ClientBase): Promise<void> {
  await client.query(`SELECT set_config('app.ward_id', 'all', false)`);
}

/** A clean public schema: the caller has checked it holds no rows, or the operator said --force. */
export async function dropPublicSchema(client: pg.ClientBase): Promise<void> {
  await client.query('DROP SCHEMA IF EXISTS public CASCADE');
  await client.query('CREATE SCHEMA public');
}

export async function beginLoad(client: pg.ClientBase): Promise<void> {
  await client.query('BEGIN');
  await client.query(`SELECT set_config('app.ward_id', 'all', true)`);
}

/**
 * Foreign keys are checked by triggers; as superuser we switch them off for the load (the rows were
 * consistent when taken). Answers whether that worked: without the right (a managed server's owner
 * role) the caller loads in foreign-key order instead.
 */
export async function tryReplicaMode(client: pg.ClientBase): Promise<boolean> {
  await client.query('SAVEPOINT replica');
  try {
    await client.query('SET LOCAL session_replication_role = replica');
    return true;
  } catch {
    await client.query('ROLLBACK TO SAVEPOINT replica');
    return false;
  }
}

/** The owner switches its own triggers off and on (DISABLE TRIGGER USER: rows load as they were). */
export async function setUserTriggers(client: pg.ClientBase, table: string, enabled: boolean): Promise<void> {
  await client.query(`ALTER TABLE public.${ident(table)} ${enabled ? 'ENABLE' : 'DISABLE'} TRIGGER USER`);
}

/**
 * Where a table's rows go while loading: the table itself, or for a table that refers to itself a
 * temporary copy, moved in with `moveStagedRows` in one statement whose checks run once all rows are in.
 */
export async function loadTarget(client: pg.ClientBase, table: string, staged: boolean): Promise<string> {
  const target = `public.${ident(table)}`;
  if (!staged) return target;
  const into = ident(`restore_${table}`);
  await client.query(`CREATE TEMP TABLE ${into} (LIKE ${target}) ON COMMIT DROP`);
  return into;
}

/** Inserts a batch of JSON rows into `into` (from `loadTarget`), keeping their ids. */
export async function insertRows(
  client: pg.ClientBase,
  table: string,
  into: string,
  columns: string[],
  rows: string[],
): Promise<void> {
  const list = columns.map(ident).join(', ');
  const target = `public.${ident(table)}`;
  await client.query(
    `INSERT INTO ${into} (${list}) ${into === target ? 'OVERRIDING SYSTEM VALUE' : ''}
        SELECT ${list} FROM json_populate_recordset(NULL::${target}, $1::json)`,
    [`[${rows.join(',')}]`],
  );
}

export async function moveStagedRows(
  client: pg.ClientBase,
  table: string,
  staged: string,
  columns: string[],
): Promise<void> {
  const list = columns.map(ident).join(', ');
  const target = `public.${ident(table)}`;
  await client.query(`INSERT INTO ${target} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM ${staged}`);
}

/** A sequence continues where it was (never called: it starts at 1). */
export async function setSequence(
  client: pg.ClientBase,
  name: string,
  lastValue: string | null,
): Promise<void> {
  const sequence = literal(`public.${ident(name)}`);
  await client.query(
    lastValue === null
      ? `SELECT setval(${sequence}, 1, false)`
      : `SELECT setval(${sequence}, ${BigInt(lastValue)}, true)`,
  );
}

export async function commitLoad(client: pg.ClientBase): Promise<void> {
  await client.query('COMMIT');
}

/** Undoes a failed load; the error that failed it is the one that matters. */
export async function rollbackLoad(client: pg.ClientBase): Promise<void> {
  await client.query('ROLLBACK').catch(() => undefined);
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
