/** Every query of the Zalo layer. */
import { AUDIT_INSERT_COLUMNS, auditActionLiteral } from '../audit/audit.js';
import type { Queryable } from '../plugins/db.js';

export interface OaTokenRow {
  wardId: string;
  oaId: string;
  accessToken: string;
  refreshToken: string;
  accessExpiresAt: Date;
  status: 'ok' | 'grant_lost';
  lastError: string | null;
}

const tokenColumns = `ward_id AS "wardId", oa_id AS "oaId", access_token AS "accessToken",
  refresh_token AS "refreshToken", access_expires_at AS "accessExpiresAt", status, last_error AS "lastError"`;

/**
 * An OA's token row counts only for the ward whose `zalo_oa_id` it is now: a pair stored for a ward
 * that has since moved to another OA is never lent to the ward that took the id over.
 */
const OWNED = `ward_id = (SELECT id FROM wards WHERE zalo_oa_id = $1)`;

export async function selectOaToken(
  db: Queryable,
  oaId: string,
  lock = false,
): Promise<OaTokenRow | undefined> {
  const { rows } = await db.query<OaTokenRow>(
    `SELECT ${tokenColumns} FROM oa_tokens WHERE oa_id = $1 AND ${OWNED} ${lock ? 'FOR UPDATE' : ''}`,
    [oaId],
  );
  return rows[0];
}

export async function insertOaTokenIfMissing(
  db: Queryable,
  oaId: string,
  pair: { accessToken: string; refreshToken: string; expiresInSeconds: number },
): Promise<void> {
  await db.query(
    `INSERT INTO oa_tokens (ward_id, oa_id, access_token, refresh_token, access_expires_at, refresh_expires_at)
     SELECT id, $1, $2, $3, now() + make_interval(secs => $4), now() + interval '90 days'
       FROM wards WHERE zalo_oa_id = $1
     ON CONFLICT (ward_id, oa_id) DO NOTHING`,
    [oaId, pair.accessToken, pair.refreshToken, pair.expiresInSeconds],
  );
}

export async function updateOaTokenPair(
  db: Queryable,
  oaId: string,
  pair: { accessToken: string; refreshToken: string; expiresInSeconds: number },
): Promise<void> {
  await db.query(
    `UPDATE oa_tokens SET access_token = $2, refresh_token = $3,
            access_expires_at = now() + make_interval(secs => $4), refresh_expires_at = now() + interval '90 days',
            status = 'ok', last_error = NULL, updated_at = now()
      WHERE oa_id = $1 AND ${OWNED}`,
    [oaId, pair.accessToken, pair.refreshToken, pair.expiresInSeconds],
  );
}

export async function markOaGrantLost(db: Queryable, oaId: string, reason: string): Promise<void> {
  await db.query(
    `WITH t AS (UPDATE oa_tokens SET status = 'grant_lost', last_error = $2, updated_at = now()
                 WHERE oa_id = $1 AND ${OWNED} RETURNING ward_id)
     INSERT INTO ${AUDIT_INSERT_COLUMNS}
     SELECT ward_id, NULL, ${auditActionLiteral('zalo.grant_lost')}, 'oa_tokens', $1, NULL, jsonb_build_object('reason', $2::text) FROM t`,
    [oaId, reason],
  );
}

export async function recordOaTokenError(db: Queryable, oaId: string, reason: string): Promise<void> {
  await db.query(`UPDATE oa_tokens SET last_error = $2, updated_at = now() WHERE oa_id = $1 AND ${OWNED}`, [
    oaId,
    reason,
  ]);
}

export async function selectDefaultOaId(db: Queryable, wardSlug: string): Promise<string | undefined> {
  const { rows } = await db.query<{ oaId: string }>(
    `SELECT zalo_oa_id AS "oaId" FROM wards WHERE slug = $1 AND zalo_oa_id IS NOT NULL`,
    [wardSlug],
  );
  return rows[0]?.oaId;
}

/** Every OA a ward holds a token for (its current OA only), with the ward's name and the grant's state. */
export async function listWardOaTokens(
  db: Queryable,
): Promise<{ oaId: string; wardName: string; status: 'ok' | 'grant_lost'; lastError: string | null }[]> {
  const { rows } = await db.query(
    `SELECT t.oa_id AS "oaId", w.name AS "wardName", t.status, t.last_error AS "lastError"
       FROM oa_tokens t JOIN wards w ON w.id = t.ward_id AND w.zalo_oa_id = t.oa_id
      ORDER BY w.name`,
  );
  return rows;
}

/** The ward's own OA id (`wards.zalo_oa_id`), or null when it has none. */
export async function selectWardOaId(db: Queryable, wardId: string): Promise<string | null> {
  const { rows } = await db.query<{ oaId: string | null }>(
    `SELECT zalo_oa_id AS "oaId" FROM wards WHERE id = $1`,
    [wardId],
  );
  return rows[0]?.oaId ?? null;
}

// --- webhook events ---

export interface IncomingWebhookEvent {
  oaId: string;
  eventKey: string;
  eventName: string;
  senderId: string | null;
  /** The parsed event, as JSON text (ids beyond 2^53 kept as strings). */
  payload: string;
  rawBody: string;
}

export interface StoredWebhookEvent {
  /** Undefined when no ward uses the event's OA. */
  wardId: string | undefined;
  /** Undefined when the event was stored before (a Zalo retry). */
  id: string | undefined;
}

/**
 * Stores events, each for the ward whose OA it was sent to, once, in one statement: the intake's
 * group commit (webhook-intake.ts) sends the events that arrived together as one batch. Answers in the
 * order given. The keys must be distinct within a batch (the caller folds repeats).
 */
export async function insertWebhookEvents(
  db: Queryable,
  events: IncomingWebhookEvent[],
): Promise<StoredWebhookEvent[]> {
  const column = <K extends keyof IncomingWebhookEvent>(key: K) => events.map((event) => event[key]);
  const { rows } = await db.query<{ wardId: string | null; id: string | null }>(
    `WITH input AS (
       SELECT i.*, (SELECT id FROM wards WHERE zalo_oa_id = i.oa_id LIMIT 1) AS ward_id
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
              WITH ORDINALITY AS i(oa_id, event_key, event_name, sender_id, payload, raw_body, n)
     ), stored AS (
       INSERT INTO webhook_events (ward_id, event_key, event_name, sender_id, payload, raw_body)
       SELECT ward_id, event_key, event_name, sender_id, payload::jsonb, raw_body
         FROM input WHERE ward_id IS NOT NULL ORDER BY n
       ON CONFLICT (ward_id, event_key) DO NOTHING RETURNING id, ward_id, event_key)
     SELECT input.ward_id AS "wardId", stored.id
       FROM input LEFT JOIN stored ON stored.ward_id = input.ward_id AND stored.event_key = input.event_key
      ORDER BY input.n`,
    [
      column('oaId'),
      column('eventKey'),
      column('eventName'),
      column('senderId'),
      column('payload'),
      column('rawBody'),
    ],
  );
  return rows.map((row) => ({ wardId: row.wardId ?? undefined, id: row.id ?? undefined }));
}

/** Deletes events received before the retention period (a batch at a time, so locks stay short). */
export async function deleteOldWebhookEvents(db: Queryable, retentionDays: number): Promise<number> {
  let total = 0;
  for (;;) {
    const { rowCount } = await db.query(
      `DELETE FROM webhook_events WHERE id IN (
         SELECT id FROM webhook_events
         WHERE received_at < now() - make_interval(days => $1) AND status <> 'processing'
         LIMIT 5000)`,
      [retentionDays],
    );
    total += rowCount ?? 0;
    if ((rowCount ?? 0) < 5000) return total;
  }
}

export interface ClaimedEvent {
  id: string;
  wardId: string;
  eventName: string;
  rawBody: string;
  attempts: number;
}

/**
 * Claims due events for this instance (others skip them) under a lease of `leaseMs`, which the
 * processor's heartbeat keeps alive while it works on them; an event whose instance died is due again
 * when its lease runs out. `attempts` tells one claim from the next (the heartbeat's fence).
 */
export async function claimWebhookEvents(
  db: Queryable,
  limit: number,
  leaseMs: number,
): Promise<ClaimedEvent[]> {
  const { rows } = await db.query<ClaimedEvent>(
    `UPDATE webhook_events e SET status = 'processing', attempts = attempts + 1,
            next_attempt_at = now() + make_interval(secs => $2::double precision / 1000)
      WHERE id IN (SELECT id FROM webhook_events
                    WHERE status <> 'processed' AND next_attempt_at <= now()
                    ORDER BY received_at LIMIT $1 FOR UPDATE SKIP LOCKED)
     RETURNING id, ward_id AS "wardId", event_name AS "eventName", raw_body AS "rawBody", attempts`,
    [limit, leaseMs],
  );
  return rows;
}

/** Keeps the lease of events this instance still works on (the claim it made, not a later one). */
export async function extendWebhookLeases(
  db: Queryable,
  claims: { id: string; attempts: number }[],
  leaseMs: number,
): Promise<void> {
  await db.query(
    `UPDATE webhook_events e SET next_attempt_at = now() + make_interval(secs => $3::double precision / 1000)
       FROM unnest($1::uuid[], $2::int[]) AS c(id, attempts)
      WHERE e.id = c.id AND e.attempts = c.attempts AND e.status = 'processing'`,
    [claims.map((c) => c.id), claims.map((c) => c.attempts), leaseMs],
  );
}

export async function finishWebhookEvent(db: Queryable, id: string, mediaPaths: string[]): Promise<void> {
  await db.query(
    `UPDATE webhook_events SET status = 'processed', processed_at = now(), last_error = NULL,
            media_paths = $2 WHERE id = $1`,
    [id, mediaPaths],
  );
}

export async function failWebhookEvent(
  db: Queryable,
  id: string,
  error: string,
  retryInSeconds: number,
): Promise<void> {
  await db.query(
    `UPDATE webhook_events SET status = 'failed', last_error = $2,
            next_attempt_at = now() + make_interval(secs => $3) WHERE id = $1`,
    [id, error.slice(0, 1000), retryInSeconds],
  );
}

// --- connecting a ward's OA (ward:connect-oa) ---

/**
 * Stores (or replaces) the ward's pair for its OA: a fresh consent replaces a lost grant too. Answers
 * whether a pair was there before.
 */
export async function upsertWardOaToken(
  db: Queryable,
  wardId: string,
  oaId: string,
  pair: { accessToken: string; refreshToken: string; expiresInSeconds: number },
): Promise<boolean> {
  const { rows } = await db.query<{ replaced: boolean }>(
    `INSERT INTO oa_tokens (ward_id, oa_id, access_token, refresh_token, access_expires_at, refresh_expires_at)
     VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5), now() + interval '90 days')
     ON CONFLICT (ward_id, oa_id) DO UPDATE
       SET access_token = EXCLUDED.access_token, refresh_token = EXCLUDED.refresh_token,
           access_expires_at = EXCLUDED.access_expires_at, refresh_expires_at = EXCLUDED.refresh_expires_at,
           status = 'ok', last_error = NULL, updated_at = now()
     RETURNING (xmax <> 0) AS replaced`,
    [wardId, oaId, pair.accessToken, pair.refreshToken, pair.expiresInSeconds],
  );
  return rows[0]?.replaced ?? false;
}
