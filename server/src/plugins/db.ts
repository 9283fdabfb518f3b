/**
 * The database for every route: a pg pool (through @fastify/postgres) and the ways to use it.
 * - `withWard(wardId, fn)`: one transaction as the application role with `app.ward_id` set, so
 *   row-level security hides every other ward's rows even from a query that forgets its ward filter.
 * - `withSystem(fn)`: one transaction that may see every ward, for the server's own jobs only.
 * - `batchInWard(wardId, fn)`: like `withWard` for statements that do not depend on each other's
 *   results: BEGIN, the statements and COMMIT travel in one write and come back in one read.
 *   `batchAsSystem(fn)` is the same across wards (the webhook intake).
 *
 * Why batches: every round trip wakes Postgres and then the server again, and on the VMs we run on
 * a wakeup is costly (a bare `SELECT $1` round trip costs the server ~0.12 ms of CPU, measured over
 * 3,000 in a row).
 * A photo upload took 13 round trips; in 4 the machine spends ~44 ms of CPU per photo instead of
 * ~49 (`npm run bench:photos`). The pool runs in pg's pipeline mode, which lets a client send
 * statements without waiting for the previous answer; code that awaits each statement behaves as
 * before.
 */
import postgres from '@fastify/postgres';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type pg from 'pg';

export type Queryable = Pick<pg.PoolClient, 'query'>;

export interface Db {
  pool: pg.Pool;
  withWard<T>(wardId: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T>;
  withSystem<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T>;
  /**
   * One round trip. `statements` must issue every query before its first await (a query issued after
   * that would land behind COMMIT, so it throws instead) and return them all, e.g. with Promise.all,
   * so that a failed statement rejects the batch rather than going unhandled.
   */
  batchInWard<T>(wardId: string, statements: (db: Queryable) => Promise<T>): Promise<T>;
  /** `batchInWard` for the server's own work across wards (like `withSystem`): one round trip. */
  batchAsSystem<T>(statements: (db: Queryable) => Promise<T>): Promise<T>;
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether this connection can and must switch to the application role (a superuser bypasses RLS). */
export async function applicationRoleStatement(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query<{ usable: boolean }>(
    `SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = 'loa_app')
        AND pg_has_role(current_user, 'loa_app', 'USAGE') AS usable`,
  );
  return rows[0]?.usable ? 'SET LOCAL ROLE loa_app;' : '';
}

/** Opens a ward's transaction: the setting is a validated UUID or 'all', never user text. */
function beginStatement(roleStatement: string, wardSetting: string): string {
  return `BEGIN; ${roleStatement} SET LOCAL app.ward_id = '${wardSetting}';`;
}

/**
 * One statement as a whole ward transaction in one message (one round trip): BEGIN as in `withWard`,
 * the statement, COMMIT. For a hot path that prepares its statement (the acknowledgement batcher): its
 * values are inlined, so the caller must have checked every one (UUIDs), like the ward id here.
 */
export function wardTransactionText(roleStatement: string, wardId: string, statement: string): string {
  if (!UUID.test(wardId))
    throw new Error(`wardTransactionText needs a ward UUID, got ${JSON.stringify(wardId)}`);
  return `${beginStatement(roleStatement, wardId)} ${statement}; COMMIT;`;
}

/** Ends a failed transaction on this connection; the error that failed it is the one that matters. */
export async function rollbackQuietly(client: Queryable): Promise<void> {
  await client.query('ROLLBACK').catch(() => undefined);
}

/**
 * Runs `work` under a savepoint of the caller's transaction: when it throws, what it wrote is undone
 * and the transaction stays usable (a refusal from another feature inside a larger piece of work).
 */
export async function underSavepoint<T>(client: Queryable, work: () => Promise<T>): Promise<T> {
  await client.query('SAVEPOINT loa_guarded');
  try {
    const result = await work();
    await client.query('RELEASE SAVEPOINT loa_guarded');
    return result;
  } catch (error) {
    await client.query('ROLLBACK TO SAVEPOINT loa_guarded');
    throw error;
  }
}

export function createDb(pool: pg.Pool, roleStatement: string): Db {
  async function inTransaction<T>(
    wardSetting: string,
    work: (client: pg.PoolClient) => Promise<T>,
  ): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query(beginStatement(roleStatement, wardSetting)); // one round trip
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await rollbackQuietly(client);
      throw error;
    } finally {
      client.release();
    }
  }
  async function inOneTrip<T>(wardSetting: string, statements: (db: Queryable) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let sealed = false;
    const batch: Queryable = {
      query: ((...args: Parameters<pg.PoolClient['query']>) => {
        if (sealed) throw new Error('batchInWard: a query was issued after the batch was sent');
        return client.query(...args);
      }) as pg.PoolClient['query'],
    };
    // Corked, the queries leave in one write. If BEGIN or a SET fails, Postgres refuses every
    // statement behind it in the aborted transaction, and COMMIT then rolls back.
    const stream = (
      client as unknown as {
        connection?: { stream?: NodeJS.WritableStream & { cork?(): void; uncork?(): void } };
      }
    ).connection?.stream;
    stream?.cork?.();
    let begun: Promise<unknown>;
    let work: Promise<T>;
    let committed: Promise<unknown>;
    try {
      begun = client.query(beginStatement(roleStatement, wardSetting));
      try {
        work = statements(batch);
      } catch (error) {
        work = Promise.reject(error);
      }
      sealed = true;
      committed = client.query('COMMIT');
    } finally {
      stream?.uncork?.();
    }
    const [began, worked, commit] = await Promise.allSettled([begun, work, committed]);
    client.release();
    if (began.status === 'rejected') throw began.reason;
    if (worked.status === 'rejected') throw worked.reason;
    if (commit.status === 'rejected') throw commit.reason;
    return worked.value;
  }
  return {
    pool,
    withWard(wardId, work) {
      if (!UUID.test(wardId)) throw new Error(`withWard needs a ward UUID, got ${JSON.stringify(wardId)}`);
      return inTransaction(wardId, work);
    },
    batchInWard(wardId, statements) {
      if (!UUID.test(wardId)) throw new Error(`batchInWard needs a ward UUID, got ${JSON.stringify(wardId)}`);
      return inOneTrip(wardId, statements);
    },
    withSystem(work) {
      return inTransaction('all', work);
    },
    batchAsSystem(statements) {
      return inOneTrip('all', statements);
    },
  };
}

/** Postgres error codes and socket errors that mean "the database is not there right now". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  '57P01', // admin_shutdown: Postgres is stopping
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
  '53300', // too_many_connections
  '08000', // connection_exception
  '08001',
  '08003',
  '08004',
  '08006',
]);

/** What pg throws, without a code, for a connection that died or never came. */
const UNAVAILABLE_MESSAGES =
  /Connection terminated|not queryable|timeout exceeded when trying to connect|Client was closed|Connection closed/i;

/**
 * Whether an error means the database is unreachable (a restart, an outage), not that the request was
 * wrong: such requests answer 503 and may be retried.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message);
}

export default fp(
  async function dbPlugin(app: FastifyInstance, options: { connectionString: string; max?: number }) {
    await app.register(postgres, {
      connectionString: options.connectionString,
      max: options.max ?? 20,
      // A database that cannot be reached (a host that drops packets) answers 503 after this long,
      // instead of holding the request until the client gives up.
      connectionTimeoutMillis: 10_000,
      application_name: 'loa-phuong',
      // Lets `batchInWard` send several statements at once (see the top of this file).
      pipeline: true,
    });
    const pool = app.pg.pool;
    // A Postgres restart kills every connection. pg reports it as an 'error' event on the client, and
    // an unheard 'error' event ends the process: the pool listens only while a client is idle, so a
    // client checked out at that moment (a request between two statements) needs a listener of its
    // own. The failed client is then dropped by the pool on release, its request answers 503 (see
    // isDatabaseUnavailable), and new connections are made once Postgres is back.
    pool.on('error', (error) => app.log.warn({ err: error }, 'idle database client failed'));
    pool.on('connect', (client) => {
      client.on('error', (error) => app.log.warn({ err: error }, 'database connection lost'));
    });
    app.decorate('db', createDb(pool, await applicationRoleStatement(pool)));
  },
  { name: 'db' },
);
