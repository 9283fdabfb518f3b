/**
 * Rows and engines for the broadcast tests: OA and team-share groups, an approved post, a schedule,
 * and a broadcast engine wired to a fake Zalo.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { BroadcastEngine } from '../../server/src/broadcasts/engine.js';
import type { Db } from '../../server/src/plugins/db.js';
import type { WardFixture } from './factories.js';
import type { FakeZalo } from './fake-zalo.js';

const unique = () => randomBytes(4).toString('hex');

export interface GroupRow {
  id: string;
  zaloGroupId: string | null;
  mode: 'oa_group' | 'team_share';
}

/** `oa` OA-created groups and `share` team-share groups owned by the ward's team; campaign made active. */
export async function addGroups(db: Db, ward: WardFixture, oa: number, share = 0): Promise<GroupRow[]> {
  return db.withSystem(async (client) => {
    await client.query(`UPDATE campaigns SET status = 'active' WHERE id = $1`, [ward.campaignId]);
    const modes = [...Array(oa).fill('oa_group'), ...Array(share).fill('team_share')] as GroupRow['mode'][];
    const tag = unique();
    const { rows } = await client.query<GroupRow>(
      `INSERT INTO zalo_groups (ward_id, khu_pho_unit_id, responsible_unit_id, name, delivery_mode, zalo_group_id)
       SELECT $1, $2, $2, 'Nhóm ' || $3 || ' ' || n, mode, CASE WHEN mode = 'oa_group' THEN 'g-' || $3 || '-' || n END
         FROM unnest($4::text[]) WITH ORDINALITY AS x(mode, n)
       RETURNING id, zalo_group_id AS "zaloGroupId", delivery_mode AS mode`,
      [ward.wardId, ward.teamId, tag, modes],
    );
    return rows;
  });
}

export async function addApprovedPost(db: Db, ward: WardFixture, body: string): Promise<string> {
  return db.withSystem(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO posts (ward_id, campaign_id, body, status, created_by, approved_by, approved_at)
       VALUES ($1, $2, $3, 'approved', $4, $5, now()) RETURNING id`,
      [ward.wardId, ward.campaignId, body, ward.staffId, ward.leaderId],
    );
    return rows[0]!.id;
  });
}

/** A schedule inserted as another writer would (not materialised): the engine must materialise it. */
export async function addSchedule(
  db: Db,
  ward: WardFixture,
  postId: string,
  schedule: { runAt?: string; timesOfDay?: string[]; startsOn?: string; endsOn?: string },
  targets: { groupIds: string[]; loudspeaker?: boolean },
): Promise<string> {
  return db.withSystem(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO schedules (ward_id, post_id, kind, run_at, times_of_day, starts_on, ends_on, targets, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        ward.wardId,
        postId,
        schedule.runAt ? 'once' : 'daily',
        schedule.runAt ?? null,
        schedule.timesOfDay ?? null,
        schedule.startsOn ?? null,
        schedule.endsOn ?? null,
        JSON.stringify(targets),
        ward.staffId,
      ],
    );
    return rows[0]!.id;
  });
}

export function makeEngine(
  app: FastifyInstance,
  zalo: FakeZalo,
  options: {
    owner?: string;
    leaseMs?: number;
    ratePerMinute?: number;
    templateId?: string;
    znsTemplateId?: string;
    /** The messenger of a row's OA; the fake answers for every OA unless told otherwise. */
    messengerFor?: (oaId: string | null) => Promise<FakeZalo>;
  } = {},
): BroadcastEngine {
  return new BroadcastEngine({
    db: app.db,
    messengerFor: () => zalo,
    log: app.log,
    ratePerMinute: options.ratePerMinute ?? 600_000,
    leaseMs: options.leaseMs ?? 30_000,
    linkBase: 'https://zalo.me/s/thu',
    ...options,
  });
}

export async function deliveryRows(db: Db, postId: string) {
  return db.withSystem(async (client) => {
    const { rows } = await client.query<{
      id: string;
      status: string;
      targetKind: string;
      targetKey: string;
      zaloMessageId: string | null;
      errorReason: string | null;
      attempts: number;
      nextAttemptAt: Date;
      dueAt: Date;
    }>(
      `SELECT d.id, d.status, d.target_kind AS "targetKind", d.target_key AS "targetKey", d.zalo_message_id AS "zaloMessageId",
              d.error_reason AS "errorReason", d.attempts, d.next_attempt_at AS "nextAttemptAt", o.due_at AS "dueAt"
         FROM deliveries d JOIN occurrences o ON o.id = d.occurrence_id
        WHERE o.post_id = $1 ORDER BY o.due_at, d.target_key`,
      [postId],
    );
    return rows;
  });
}
