/**
 * What residents may read: posts that reached at least one group (the OA sent them, or a team shared
 * them), never drafts, approved posts waiting for their time, or archived posts. Run inside `withWard`,
 * so row-level security keeps every query to the ward the address names.
 */
import type { Queryable } from '../plugins/db.js';

export interface SentPostRow {
  id: string;
  /** The text of the latest delivery that reached a group, with its link line. */
  sentText: string;
  campaignTitle: string;
  firstSentAt: Date;
  /** When the text shown first reached a group (a daily post sent again does not change it). */
  updatedAt: Date;
  /** The post's image, when it has one stored in this ward (posts/images.ts), else null. */
  imageSha256: string | null;
}

// One row per delivery that reached a group: sent by the OA, or shared by hand by the team. The
// loudspeaker's `done` is not a publication (it was read aloud, not posted).
const SENT = `
  WITH reached AS (
    SELECT o.post_id, COALESCE(d.sent_at, d.shared_at, d.updated_at) AS at,
           COALESCE(d.body, o.body_override, p.body) AS text
      FROM deliveries d
      JOIN occurrences o ON o.id = d.occurrence_id
      JOIN posts p ON p.id = o.post_id
     WHERE d.status IN ('sent', 'shared') AND d.target_kind <> 'loudspeaker' AND p.status <> 'archived'
  ), latest AS (
    SELECT *, first_value(text) OVER (PARTITION BY post_id ORDER BY at DESC) AS latest_text FROM reached
  ), per_post AS (
    SELECT post_id, min(at) AS first_at, min(at) FILTER (WHERE text = latest_text) AS text_at,
           min(latest_text) AS text
      FROM latest GROUP BY post_id
  )
  SELECT p.id, s.text AS "sentText", c.title AS "campaignTitle", s.first_at AS "firstSentAt",
         s.text_at AS "updatedAt",
         CASE WHEN EXISTS (SELECT 1 FROM post_images i WHERE i.sha256 = p.image_sha256)
              THEN p.image_sha256 END AS "imageSha256"
    FROM per_post s
    JOIN posts p ON p.id = s.post_id
    JOIN campaigns c ON c.id = p.campaign_id`;

/** Newest first send first; `before` pages back (exclusive). */
export async function listSentPosts(db: Queryable, limit: number, before?: Date): Promise<SentPostRow[]> {
  const { rows } = await db.query<SentPostRow>(
    `${SENT}
      WHERE $1::timestamptz IS NULL OR s.first_at < $1
      ORDER BY s.first_at DESC, p.id DESC
      LIMIT $2`,
    [before ?? null, limit],
  );
  return rows;
}

export async function findSentPost(db: Queryable, id: string): Promise<SentPostRow | undefined> {
  const { rows } = await db.query<SentPostRow>(`${SENT} WHERE p.id = $1`, [id]);
  return rows[0];
}
