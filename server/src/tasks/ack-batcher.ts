/**
 * The acknowledgement is the busiest write: 17 teams tap "Đã nhận" within seconds of each broadcast.
 * Acknowledgements for one ward that arrive within a short window (or while that ward's previous batch
 * is still running) are applied together: one transaction, one statement over `unnest`, one commit, so
 * a burst costs one WAL flush and one round trip instead of one per tap. Every request still gets its
 * own answer and its own team check (inside the statement), and the same row-level security applies
 * as in `withWard`. The statement is prepared once per connection; values are inlined only after a
 * strict UUID check, the way `withWard` inlines the ward id, so the whole transaction is one message.
 */
import type pg from 'pg';
import { rollbackQuietly, wardTransactionText } from '../plugins/db.js';
import { type AckResult, executeAckBatch, PREPARE_ACK_BATCH } from './sql.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AckRequest {
  wardId: string;
  id: string;
  memberId: string | undefined;
  unitId: string | undefined;
}

export interface AckBatchOptions {
  /** How long the first acknowledgement of a quiet ward waits for others, in ms. */
  windowMs?: number;
  /** The most acknowledgements in one statement. */
  maxBatch?: number;
  /** Batches of one ward running at once; later arrivals wait and go together in the next one. */
  maxInFlight?: number;
}

interface Waiting {
  request: AckRequest;
  resolve(result: AckResult | undefined): void;
  reject(error: unknown): void;
}

interface WardQueue {
  waiting: Waiting[];
  inFlight: number;
  timer: NodeJS.Timeout | undefined;
}

function checkUuid(value: string | undefined, what: string): void {
  if (value !== undefined && !UUID.test(value))
    throw new Error(`acknowledge needs UUIDs, got ${what} ${JSON.stringify(value)}`);
}

export function createAckBatcher(pool: pg.Pool, roleStatement: string, options: AckBatchOptions = {}) {
  const { windowMs = 1, maxBatch = 200, maxInFlight = 4 } = options;
  const prepared = new WeakSet<pg.PoolClient>();
  const wards = new Map<string, WardQueue>();

  async function run(wardId: string, batch: Waiting[]): Promise<(AckResult | undefined)[]> {
    const statement = wardTransactionText(
      roleStatement,
      wardId,
      executeAckBatch(
        batch.map((waiting) => waiting.request),
        wardId,
      ),
    );
    const client = await pool.connect();
    try {
      if (!prepared.has(client)) {
        await client.query(PREPARE_ACK_BATCH);
        prepared.add(client);
      }
      const results = (await client.query(statement)) as unknown as pg.QueryResult<
        AckResult & { n: number }
      >[];
      const answers = new Array<AckResult | undefined>(batch.length);
      for (const { n, ...row } of results.find((result) => result.command === 'SELECT')?.rows ?? [])
        answers[n - 1] = row;
      return answers;
    } catch (error) {
      await rollbackQuietly(client);
      throw error;
    } finally {
      client.release();
    }
  }

  /** A failed batch is retried one by one, so one bad request (a deleted member's session) fails alone. */
  async function settle(wardId: string, batch: Waiting[]): Promise<void> {
    try {
      const answers = await run(wardId, batch);
      for (const [index, request] of batch.entries()) request.resolve(answers[index]);
    } catch (error) {
      if (batch.length === 1) batch[0]!.reject(error);
      else await Promise.all(batch.map((request) => settle(wardId, [request])));
    }
  }

  function flush(wardId: string, queue: WardQueue): void {
    clearTimeout(queue.timer);
    queue.timer = undefined;
    const batch = queue.waiting.splice(0, maxBatch);
    if (batch.length === 0) return;
    queue.inFlight++;
    void settle(wardId, batch).finally(() => {
      queue.inFlight--;
      // Whoever arrived meanwhile has already waited a whole batch: go now.
      if (queue.waiting.length > 0) flush(wardId, queue);
      else if (queue.inFlight === 0 && !queue.timer) wards.delete(wardId);
    });
  }

  return function acknowledge(request: AckRequest): Promise<AckResult | undefined> {
    checkUuid(request.wardId, 'ward');
    checkUuid(request.id, 'assignment');
    checkUuid(request.memberId, 'member');
    checkUuid(request.unitId, 'unit');
    let queue = wards.get(request.wardId);
    if (!queue) {
      queue = { waiting: [], inFlight: 0, timer: undefined };
      wards.set(request.wardId, queue);
    }
    const ward = queue;
    const answer = new Promise<AckResult | undefined>((resolve, reject) => {
      ward.waiting.push({ request, resolve, reject });
    });
    if (ward.inFlight < maxInFlight) {
      if (ward.waiting.length >= maxBatch) flush(request.wardId, ward);
      else ward.timer ??= setTimeout(() => flush(request.wardId, ward), windowMs);
    }
    return answer;
  };
}
