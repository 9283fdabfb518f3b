import type { Queryable } from '../plugins/db.js';

export interface WardRow {
  id: string;
  slug: string;
  name: string;
  createdAt: Date;
}

export async function findWardBySlug(db: Queryable, slug: string): Promise<WardRow | undefined> {
  const { rows } = await db.query<WardRow>(
    'SELECT id, slug, name, created_at AS "createdAt" FROM wards WHERE slug = $1',
    [slug],
  );
  return rows[0];
}

export async function findWardById(db: Queryable, id: string): Promise<WardRow | undefined> {
  const { rows } = await db.query<WardRow>(
    'SELECT id, slug, name, created_at AS "createdAt" FROM wards WHERE id = $1',
    [id],
  );
  return rows[0];
}

export interface PublicCampaignRow {
  id: string;
  number: string | null;
  title: string;
  theme: string;
  slogans: string[];
  startsOn: string;
  endsOn: string;
  status: 'approved' | 'active' | 'closed';
}

/** The campaign residents should see: the active one, else the latest approved or closed one. */
export async function findCurrentCampaign(db: Queryable): Promise<PublicCampaignRow | undefined> {
  const { rows } = await db.query<PublicCampaignRow>(
    `SELECT id, number, title, theme, slogans, to_char(starts_on, 'YYYY-MM-DD') AS "startsOn",
            to_char(ends_on, 'YYYY-MM-DD') AS "endsOn", status
       FROM campaigns
      WHERE status IN ('active', 'approved', 'closed')
      ORDER BY (status = 'active') DESC, (status = 'approved') DESC, starts_on DESC
      LIMIT 1`,
  );
  return rows[0];
}
