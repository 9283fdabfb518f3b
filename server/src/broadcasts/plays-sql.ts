/**
 * The loudspeaker play log: one row per play a team reports. The delivery's `broadcast_count` is kept
 * equal to its number of plays in the same statement, and it is what the report reads
 * (reports/sql.ts sums broadcast_count of done loudspeaker deliveries).
 */
import type { Queryable } from '../plugins/db.js';

/**
 * Adds `count` plays at `playedAt` to a loudspeaker delivery that is waiting or already done, by a member
 * of its team (or staff: `unitId` null); the delivery becomes done. Undefined when it is not theirs or
 * not open for plays; else the new total.
 */
export async function addPlays(
  db: Queryable,
  p: { deliveryId: string; unitId: string | null; memberId: string | null; playedAt: Date; count: number },
): Promise<number | undefined> {
  const { rows } = await db.query<{ total: number }>(
    `WITH d AS (
       SELECT id, ward_id, responsible_unit_id FROM deliveries
        WHERE id = $1 AND target_kind = 'loudspeaker' AND status IN ('waiting', 'done')
          AND ($2::uuid IS NULL OR responsible_unit_id = $2)
        FOR UPDATE
     ), added AS (
       INSERT INTO loudspeaker_plays (ward_id, delivery_id, unit_id, reported_by, played_at)
       SELECT d.ward_id, d.id, d.responsible_unit_id, $3, $4 FROM d, generate_series(1, $5)
       RETURNING delivery_id
     )
     UPDATE deliveries x
        SET status = 'done', broadcast_count = COALESCE(x.broadcast_count, 0) + $5,
            shared_by = COALESCE(x.shared_by, $3), shared_at = COALESCE(x.shared_at, now()),
            updated_at = now(), error_reason = NULL
       FROM d WHERE x.id = d.id
     RETURNING x.broadcast_count AS total`,
    [p.deliveryId, p.unitId, p.memberId, p.playedAt, p.count],
  );
  return rows[0]?.total;
}

export async function listPlays(db: Queryable, deliveryId: string, unitId: string | null) {
  const { rows } = await db.query<{ id: string; playedAt: string; reportedByName: string | null }>(
    `SELECT lp.id, to_json(lp.played_at) #>> '{}' AS "playedAt", m.full_name AS "reportedByName"
       FROM loudspeaker_plays lp
       JOIN deliveries d ON d.id = lp.delivery_id
       LEFT JOIN members m ON m.id = lp.reported_by
      WHERE lp.delivery_id = $1 AND ($2::uuid IS NULL OR d.responsible_unit_id = $2)
      ORDER BY lp.played_at`,
    [deliveryId, unitId],
  );
  return rows;
}

/** When the delivery fell due (plays before it are refused), if it is a loudspeaker delivery of this team. */
export async function findLoudspeakerDelivery(db: Queryable, deliveryId: string, unitId: string | null) {
  const { rows } = await db.query<{ dueAt: Date; status: string }>(
    `SELECT o.due_at AS "dueAt", d.status FROM deliveries d JOIN occurrences o ON o.id = d.occurrence_id
      WHERE d.id = $1 AND d.target_kind = 'loudspeaker' AND ($2::uuid IS NULL OR d.responsible_unit_id = $2)`,
    [deliveryId, unitId],
  );
  return rows[0];
}

/**
 * The plays behind a total reported at once ("đã phát 2 lần", the older confirmation): one row each,
 * at the time of the report, so the log and broadcast_count agree.
 */
export async function logPlaysOfTotal(
  db: Queryable,
  deliveryId: string,
  memberId: string | null,
  count: number,
): Promise<void> {
  await db.query(
    `INSERT INTO loudspeaker_plays (ward_id, delivery_id, unit_id, reported_by, played_at)
     SELECT d.ward_id, d.id, d.responsible_unit_id, $2, now() FROM deliveries d, generate_series(1, $3)
      WHERE d.id = $1`,
    [deliveryId, memberId, count],
  );
}
