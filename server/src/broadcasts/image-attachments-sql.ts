/** The OA's uploads of post images (attachment ids), reused while Zalo keeps them. */
import type { Queryable } from '../plugins/db.js';

export async function findAttachment(
  db: Queryable,
  wardId: string,
  sha256: string,
  uploadedAfter: Date,
): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT attachment_id AS id FROM oa_image_attachments
      WHERE ward_id = $1 AND sha256 = $2 AND uploaded_at > $3`,
    [wardId, sha256, uploadedAfter],
  );
  return rows[0]?.id;
}

export async function saveAttachment(
  db: Queryable,
  a: { wardId: string; sha256: string; attachmentId: string; uploadedAt: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO oa_image_attachments (ward_id, sha256, attachment_id, uploaded_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (ward_id, sha256) DO UPDATE SET attachment_id = EXCLUDED.attachment_id,
       uploaded_at = EXCLUDED.uploaded_at`,
    [a.wardId, a.sha256, a.attachmentId, a.uploadedAt],
  );
}
