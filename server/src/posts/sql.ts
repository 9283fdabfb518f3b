/**
 * Queries of posts and their approval (and what a post is checked against: its campaign's days, the
 * ward's groups). All run inside `withWard`, so row-level security keeps them to the request's ward.
 */
import type { Post } from '@loa/shared';
import type { Queryable } from '../plugins/db.js';

type PostRow = Omit<Post, 'preview'>;

const POST_COLUMNS = `p.id, p.campaign_id AS "campaignId", p.body, p.image_sha256 AS "imageSha256", p.link_path AS "linkPath",
  p.status, p.created_by AS "createdBy", cm.full_name AS "createdByName", p.approved_by AS "approvedBy",
  am.full_name AS "approvedByName", to_json(p.approved_at) #>> '{}' AS "approvedAt", p.version,
  to_json(p.updated_at) #>> '{}' AS "updatedAt", p.sent_back_reason AS "sentBackReason",
  sm.full_name AS "sentBackByName", to_json(p.sent_back_at) #>> '{}' AS "sentBackAt",
  p.loudspeaker_script AS "loudspeakerScript"`;
const POST_FROM = `posts p LEFT JOIN members cm ON cm.id = p.created_by LEFT JOIN members am ON am.id = p.approved_by
  LEFT JOIN members sm ON sm.id = p.sent_back_by`;

export async function listPosts(db: Queryable, campaignId: string | undefined): Promise<PostRow[]> {
  const { rows } = await db.query<PostRow>(
    `SELECT ${POST_COLUMNS} FROM ${POST_FROM}
      WHERE p.status <> 'archived' AND ($1::uuid IS NULL OR p.campaign_id = $1) ORDER BY p.created_at DESC LIMIT 200`,
    [campaignId ?? null],
  );
  return rows;
}

export async function findPost(db: Queryable, id: string, lock = false): Promise<PostRow | undefined> {
  const { rows } = await db.query<PostRow>(
    `SELECT ${POST_COLUMNS} FROM ${POST_FROM} WHERE p.id = $1 ${lock ? 'FOR UPDATE OF p' : ''}`,
    [id],
  );
  return rows[0];
}

export async function insertPost(
  db: Queryable,
  post: {
    id: string;
    wardId: string;
    campaignId: string;
    body: string;
    imageSha256: string | null;
    linkPath: string | null;
    createdBy: string | null;
    loudspeakerScript: string | null;
  },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO posts (ward_id, campaign_id, body, image_sha256, link_path, created_by, loudspeaker_script, id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      post.wardId,
      post.campaignId,
      post.body,
      post.imageSha256,
      post.linkPath,
      post.createdBy,
      post.loudspeakerScript,
      post.id,
    ],
  );
  return rows[0]!.id;
}

/** The ward's slug: a post's own link names its ward. */
export async function wardSlug(db: Queryable, wardId: string): Promise<string> {
  const { rows } = await db.query<{ slug: string }>('SELECT slug FROM wards WHERE id = $1', [wardId]);
  return rows[0]!.slug;
}

/**
 * Any edit sends the post back to draft: a leader approves exactly the text that goes out. The edit
 * answers a send-back, so its reason is cleared.
 */
export async function updatePost(
  db: Queryable,
  id: string,
  version: number,
  change: {
    body: string;
    imageSha256: string | null;
    linkPath: string | null;
    loudspeakerScript: string | null;
  },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE posts SET body = $3, image_sha256 = $4, link_path = $5, loudspeaker_script = $6, status = 'draft',
            approved_by = NULL, approved_at = NULL, sent_back_reason = NULL, sent_back_by = NULL,
            sent_back_at = NULL, version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 AND status <> 'archived'`,
    [id, version, change.body, change.imageSha256, change.linkPath, change.loudspeakerScript],
  );
  return rowCount === 1;
}

/** A leader returns the post to its author with a reason: draft again, approval withdrawn. */
export async function sendBackPost(
  db: Queryable,
  id: string,
  version: number,
  change: { reason: string; leaderId: string },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE posts SET status = 'draft', approved_by = NULL, approved_at = NULL, sent_back_reason = $3,
            sent_back_by = $4, sent_back_at = now(), version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 AND status IN ('draft', 'approved')`,
    [id, version, change.reason, change.leaderId],
  );
  return rowCount === 1;
}

/** Whether the image was uploaded in this ward (row-level security hides other wards' images). */
export async function imageExists(db: Queryable, sha256: string): Promise<boolean> {
  const { rowCount } = await db.query(`SELECT 1 FROM post_images WHERE sha256 = $1`, [sha256]);
  return (rowCount ?? 0) > 0;
}

/** Approval of exactly this version, from draft (the service then drops what fell due meanwhile). */
export async function approvePost(
  db: Queryable,
  id: string,
  version: number,
  leaderId: string,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE posts SET status = 'approved', approved_by = $3, approved_at = now(), version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 AND status = 'draft'`,
    [id, version, leaderId],
  );
  return rowCount === 1;
}

export async function archivePost(db: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE posts SET status = 'archived', updated_at = now() WHERE id = $1`,
    [id],
  );
  return rowCount === 1;
}

export async function findCampaignWindow(
  db: Queryable,
  id: string,
): Promise<{ startsOn: string; endsOn: string } | undefined> {
  const { rows } = await db.query<{ startsOn: string; endsOn: string }>(
    `SELECT to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn" FROM campaigns WHERE id = $1`,
    [id],
  );
  return rows[0];
}

/** How many of the given groups can take a delivery: active, and a team-share group has its team. */
export async function countUsableGroups(db: Queryable, ids: string[]): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM zalo_groups
      WHERE id = ANY($1::uuid[]) AND status = 'active'
        AND (delivery_mode = 'oa_group' OR responsible_unit_id IS NOT NULL)`,
    [ids],
  );
  return rows[0]?.n ?? 0;
}

export async function listGroups(db: Queryable) {
  const { rows } = await db.query(
    `SELECT g.id, g.name, g.delivery_mode AS "deliveryMode", u.name AS "responsibleUnitName", g.status
       FROM zalo_groups g LEFT JOIN units u ON u.id = g.responsible_unit_id ORDER BY g.name`,
  );
  return rows;
}
