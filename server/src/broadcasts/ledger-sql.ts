/**
 * The delivery ledger's queries. Every statement takes the clock's `now` as a parameter, so a test
 * with a fake clock and several instances on one database see the same time.
 */
import { WARD_TIME_ZONE } from '@loa/shared';
import type { Queryable } from '../plugins/db.js';
import type { SendOutcome } from './failures.js';

/**
 * Occurrences for schedules that have none yet (written by something other than the API, which adds
 * them with the schedule); idempotent, and each schedule is taken by one instance (SKIP LOCKED).
 */
export async function materialiseOccurrences(db: Queryable): Promise<number> {
  const { rowCount } = await db.query(
    `WITH fresh AS (
       SELECT s.id FROM schedules s
        WHERE s.materialised_until IS NULL AND s.status = 'active'
          AND NOT EXISTS (SELECT FROM occurrences o WHERE o.schedule_id = s.id)
        FOR UPDATE SKIP LOCKED
     ), slots AS (
       SELECT s.ward_id, s.id AS schedule_id, s.post_id, s.run_at AS due_at
         FROM schedules s JOIN fresh f ON f.id = s.id WHERE s.kind = 'once'
       UNION ALL
       SELECT s.ward_id, s.id, s.post_id, (d::date + t::time) AT TIME ZONE '${WARD_TIME_ZONE}'
         FROM schedules s JOIN fresh f ON f.id = s.id
         CROSS JOIN LATERAL generate_series(s.starts_on, s.ends_on, interval '1 day') d
         CROSS JOIN LATERAL unnest(s.times_of_day) t
        WHERE s.kind = 'daily'
     )
     INSERT INTO occurrences (ward_id, schedule_id, post_id, due_at)
     SELECT ward_id, schedule_id, post_id, due_at FROM slots
     ON CONFLICT (schedule_id, due_at) DO NOTHING`,
  );
  return rowCount ?? 0;
}

/**
 * Due occurrences → one delivery per target, exactly once: the occurrence row is locked (SKIP LOCKED,
 * so instances split the work) and the ledger's unique key absorbs any replay.
 */
export async function dispatchDueOccurrences(
  db: Queryable,
  now: Date,
  linkBase: string,
  limit = 200,
): Promise<number> {
  const { rowCount } = await db.query(
    `WITH due AS (
       SELECT o.id, o.ward_id, o.post_id, o.body_override, s.targets
         FROM occurrences o
         JOIN schedules s ON s.id = o.schedule_id
         JOIN posts p ON p.id = o.post_id
        WHERE o.status = 'pending' AND o.due_at <= $1 AND s.status = 'active' AND p.status = 'approved'
        ORDER BY o.due_at LIMIT $3
        FOR UPDATE OF o SKIP LOCKED
     ), texts AS (
       SELECT due.*, COALESCE(due.body_override, p.body)
              || CASE WHEN p.link_path IS NULL THEN '' ELSE E'\\n\\nXem chi tiết: ' || $2 || p.link_path END AS body,
              -- The loudspeaker reads its own script (no link to read aloud); a post from before
              -- scripts existed falls back to its text without the link.
              COALESCE(p.loudspeaker_script, due.body_override, p.body) AS script, p.image_sha256
         FROM due JOIN posts p ON p.id = due.post_id
     ), targets AS (
       SELECT t.ward_id, t.id AS occurrence_id, g.delivery_mode AS target_kind, g.id::text AS target_key,
              g.id AS group_id, g.responsible_unit_id, t.body,
              CASE WHEN g.delivery_mode = 'oa_group' THEN t.image_sha256 END AS image_sha256
         FROM texts t
         CROSS JOIN LATERAL jsonb_array_elements_text(COALESCE(t.targets -> 'groupIds', '[]')) gid
         JOIN zalo_groups g ON g.id = gid::uuid AND g.ward_id = t.ward_id
       UNION ALL
       SELECT t.ward_id, t.id, 'loudspeaker', u.id::text, NULL, u.id, t.script, NULL
         -- A stopped team no longer plays the loudspeaker: it gets no send and no reminder for one.
         FROM texts t JOIN units u ON u.ward_id = t.ward_id AND u.kind = 'digital_team' AND u.active
        WHERE (t.targets ->> 'loudspeaker')::boolean IS TRUE
     ), inserted AS (
       INSERT INTO deliveries (ward_id, occurrence_id, target_kind, target_key, group_id,
                               responsible_unit_id, body, image_sha256, next_attempt_at)
       SELECT ward_id, occurrence_id, target_kind, target_key, group_id, responsible_unit_id, body, image_sha256, $1
         FROM targets
       ON CONFLICT (occurrence_id, target_kind, target_key) DO NOTHING
     )
     UPDATE occurrences o SET status = 'dispatched', dispatched_at = $1 FROM due WHERE o.id = due.id`,
    [now, linkBase, limit],
  );
  return rowCount ?? 0;
}

/** When the next occurrence or delivery retry falls due, if it is within `withinMs` of `now`. */
export async function nextDueAt(db: Queryable, now: Date, withinMs: number): Promise<Date | undefined> {
  const { rows } = await db.query<{ dueAt: Date | null }>(
    `SELECT least(
       (SELECT min(due_at) FROM occurrences
         WHERE status = 'pending' AND due_at > $1 AND due_at <= $1::timestamptz + $2 * interval '1 millisecond'),
       (SELECT min(next_attempt_at) FROM deliveries
         WHERE status IN ('queued', 'unknown') AND next_attempt_at > $1
           AND next_attempt_at <= $1::timestamptz + $2 * interval '1 millisecond')) AS "dueAt"`,
    [now, withinMs],
  );
  return rows[0]?.dueAt ?? undefined;
}

export interface OpenedTeamDelivery {
  id: string;
  wardId: string;
  targetKind: 'team_share' | 'loudspeaker';
  unitId: string;
  unitName: string;
  groupName: string | null;
}

/** Team work opens: due team_share / loudspeaker deliveries become `waiting` for the responsible team. */
export async function openTeamDeliveries(db: Queryable, now: Date): Promise<OpenedTeamDelivery[]> {
  const { rows } = await db.query<OpenedTeamDelivery>(
    `WITH opened AS (
       UPDATE deliveries d SET status = 'waiting', updated_at = $1
        WHERE d.id IN (SELECT id FROM deliveries
                        WHERE status = 'queued' AND target_kind IN ('team_share', 'loudspeaker')
                          AND next_attempt_at <= $1
                        ORDER BY next_attempt_at LIMIT 500 FOR UPDATE SKIP LOCKED)
       RETURNING d.id, d.ward_id, d.target_kind, d.group_id, d.responsible_unit_id
     )
     SELECT o.id, o.ward_id AS "wardId", o.target_kind AS "targetKind", o.responsible_unit_id AS "unitId",
            u.name AS "unitName", g.name AS "groupName"
       FROM opened o
       JOIN units u ON u.id = o.responsible_unit_id
       LEFT JOIN zalo_groups g ON g.id = o.group_id`,
    [now],
  );
  return rows;
}

/** A `sending` row whose lease ran out belongs to a crashed or stuck sender: its outcome is unknown. */
export async function expireDeliveryLeases(db: Queryable, now: Date): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE deliveries SET status = 'unknown', lease_owner = NULL, lease_until = NULL, updated_at = $1,
            error_reason = 'Mất kết nối giữa chừng khi gửi; đang đối chiếu với Zalo trước khi gửi lại.'
      WHERE status = 'sending' AND lease_until < $1`,
    [now],
  );
  return rowCount ?? 0;
}

export interface ClaimedDelivery {
  id: string;
  wardId: string;
  previousStatus: 'queued' | 'unknown';
  body: string;
  zaloGroupId: string | null;
  groupStatus: string | null;
  attempts: number;
  attemptStartedAt: Date | null;
  /** The image sent with the text (a media message), when the post has one. */
  imageSha256: string | null;
  /** The ward's own OA (wards.zalo_oa_id): the only OA the row may go out through. */
  wardOaId: string | null;
}

/** Claims due OA-group deliveries (queued to send, unknown to reconcile) under a lease. */
export async function claimDeliveries(
  db: Queryable,
  now: Date,
  owner: string,
  leaseMs: number,
  limit: number,
): Promise<ClaimedDelivery[]> {
  const { rows } = await db.query<ClaimedDelivery>(
    `WITH c AS (
       SELECT id, status FROM deliveries
        WHERE status IN ('queued', 'unknown') AND target_kind = 'oa_group' AND next_attempt_at <= $1
        ORDER BY next_attempt_at LIMIT $4
        FOR UPDATE SKIP LOCKED
     )
     UPDATE deliveries d
        SET status = 'sending', lease_owner = $2, lease_until = $1::timestamptz + $3 * interval '1 millisecond',
            attempts = d.attempts + CASE WHEN c.status = 'queued' THEN 1 ELSE 0 END,
            attempt_started_at = CASE WHEN c.status = 'queued' THEN $1 ELSE d.attempt_started_at END,
            updated_at = $1
       FROM c, zalo_groups g, wards w
      WHERE d.id = c.id AND g.id = d.group_id AND w.id = d.ward_id
     RETURNING d.id, d.ward_id AS "wardId", c.status AS "previousStatus", d.body, g.zalo_group_id AS "zaloGroupId",
               g.status AS "groupStatus", d.attempts, d.attempt_started_at AS "attemptStartedAt",
               d.image_sha256 AS "imageSha256", w.zalo_oa_id AS "wardOaId"`,
    [now, owner, leaseMs, limit],
  );
  return rows;
}

/** Message ids already recorded for a group, so a reconciliation never claims one twice. */
export async function knownMessageIds(db: Queryable, groupId: string, ids: string[]): Promise<Set<string>> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT d.zalo_message_id AS id FROM deliveries d JOIN zalo_groups g ON g.id = d.group_id
      WHERE g.zalo_group_id = $1 AND d.zalo_message_id = ANY($2::text[])`,
    [groupId, ids],
  );
  return new Set(rows.map((row) => row.id));
}

/**
 * Records attempts' outcomes in one statement. Fenced by the lease owner; a `sent` result is also
 * accepted after the row went `unknown` (the lease ran out while we waited), since we then know the
 * truth. Returns the ids recorded.
 */
export async function finishDeliveries(
  db: Queryable,
  owner: string,
  results: { id: string; at: Date; outcome: SendOutcome }[],
): Promise<Set<string>> {
  const column = <T>(pick: (r: (typeof results)[number]) => T) => results.map(pick);
  const { rows } = await db.query<{ id: string }>(
    `UPDATE deliveries d
        SET status = x.status, zalo_message_id = x.message_id,
            sent_at = CASE WHEN x.status = 'sent' THEN x.at END,
            next_attempt_at = COALESCE(x.retry_at, d.next_attempt_at), error_code = x.code, error_reason = x.reason,
            lease_owner = NULL, lease_until = NULL, updated_at = x.at
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::text[], $8::text[])
            AS x(id, status, message_id, at, retry_at, code, reason)
      WHERE d.id = x.id
        AND ((d.status = 'sending' AND d.lease_owner = $1) OR (x.status = 'sent' AND d.status = 'unknown'))
     RETURNING d.id`,
    [
      owner,
      column((r) => r.id),
      column((r) => r.outcome.status),
      column((r) => (r.outcome.status === 'sent' ? r.outcome.messageId : null)),
      column((r) => r.at),
      column((r) => ('retryAt' in r.outcome ? r.outcome.retryAt : null)),
      column((r) => (r.outcome.status === 'sent' ? null : r.outcome.code)),
      column((r) => (r.outcome.status === 'sent' ? null : r.outcome.reason)),
    ],
  );
  return new Set(rows.map((row) => row.id));
}
