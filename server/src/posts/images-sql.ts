/** Queries of post images (run inside `withWard`: row-level security keeps them to the ward). */
import type { Queryable } from '../plugins/db.js';

export async function insertImage(
  db: Queryable,
  image: {
    wardId: string;
    sha256: string;
    width: number;
    height: number;
    bytes: number;
    createdBy: string | null;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO post_images (ward_id, sha256, width, height, bytes, created_by)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (ward_id, sha256) DO NOTHING`,
    [image.wardId, image.sha256, image.width, image.height, image.bytes, image.createdBy],
  );
}

/** The image of a post, when it has one (the post's ward's copy). */
export async function findPostImage(
  db: Queryable,
  postId: string,
): Promise<{ wardId: string; sha256: string } | undefined> {
  const { rows } = await db.query<{ wardId: string; sha256: string }>(
    `SELECT i.ward_id AS "wardId", i.sha256 FROM posts p
       JOIN post_images i ON i.ward_id = p.ward_id AND i.sha256 = p.image_sha256
      WHERE p.id = $1`,
    [postId],
  );
  return rows[0];
}
