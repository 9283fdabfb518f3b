/**
 * Queries of sign-in: find the member behind a Zalo identity, link ids on first sign-in, and re-check
 * what a session token still grants.
 */
import type { Role } from '@loa/shared';
import type { Queryable } from '../plugins/db.js';

export interface ProfileRow {
  id: string;
  fullName: string;
  role: 'admin' | 'staff' | 'leader' | 'team_lead' | 'team_member';
  unitId: string | null;
  unitName: string | null;
  wardId: string;
  wardName: string;
  wardSlug: string;
  zaloAppUserId: string | null;
  /** Goes into the session token; a change of role, team or active flag moves it on. */
  sessionVersion: number;
}

const profile = `SELECT m.id, m.full_name AS "fullName", m.role, m.unit_id AS "unitId", u.name AS "unitName",
  w.id AS "wardId", w.name AS "wardName", w.slug AS "wardSlug", m.zalo_app_user_id AS "zaloAppUserId",
  m.session_version AS "sessionVersion"
  FROM members m JOIN wards w ON w.id = m.ward_id LEFT JOIN units u ON u.id = m.unit_id`;

/**
 * A person may be an active member of two wards (the same Zalo account or phone in both). The choice is
 * fixed: the ward the opened link names, else the membership added most recently.
 */
const ONE_MEMBERSHIP = `ORDER BY w.slug = $2::text DESC NULLS LAST, m.created_at DESC, m.id LIMIT 1`;

export async function findMemberByZaloAppId(
  db: Queryable,
  appUserId: string,
  wardSlug?: string,
): Promise<ProfileRow | undefined> {
  const { rows } = await db.query<ProfileRow>(
    `${profile} WHERE m.zalo_app_user_id = $1 AND m.active ${ONE_MEMBERSHIP}`,
    [appUserId, wardSlug ?? null],
  );
  return rows[0];
}

export async function findMemberByPhone(
  db: Queryable,
  phone: string,
  wardSlug?: string,
): Promise<ProfileRow | undefined> {
  const { rows } = await db.query<ProfileRow>(
    `${profile} WHERE m.phone = $1 AND m.active ${ONE_MEMBERSHIP}`,
    [phone, wardSlug ?? null],
  );
  return rows[0];
}

export async function findMemberById(db: Queryable, id: string): Promise<ProfileRow | undefined> {
  const { rows } = await db.query<ProfileRow>(`${profile} WHERE m.id = $1`, [id]);
  return rows[0];
}

export async function findWardBySlug(
  db: Queryable,
  slug: string,
): Promise<{ id: string; name: string; slug: string } | undefined> {
  const { rows } = await db.query<{ id: string; name: string; slug: string }>(
    `SELECT id, name, slug FROM wards WHERE slug = $1`,
    [slug],
  );
  return rows[0];
}

export async function findWardById(
  db: Queryable,
  id: string,
): Promise<{ id: string; name: string; slug: string } | undefined> {
  const { rows } = await db.query<{ id: string; name: string; slug: string }>(
    `SELECT id, name, slug FROM wards WHERE id = $1`,
    [id],
  );
  return rows[0];
}

/**
 * Signs one token out: it is refused until it would have expired anyway. Rows of tokens that have
 * expired by now are dropped on the way (they can no longer be used, revoked or not).
 */
export async function revokeToken(
  db: Queryable,
  token: { tokenId: string; wardId: string; memberId: string | undefined; expiresAt: number },
): Promise<void> {
  await Promise.all([
    db.query(
      `INSERT INTO revoked_sessions (token_id, ward_id, member_id, expires_at)
       VALUES ($1, $2, $3, to_timestamp($4)) ON CONFLICT (token_id) DO NOTHING`,
      [token.tokenId, token.wardId, token.memberId ?? null, token.expiresAt],
    ),
    db.query(`DELETE FROM revoked_sessions WHERE expires_at < now()`),
  ]);
}

/** What a session token may still do (plugins/session-rechecks.ts caches it per token). */
export interface MemberGrant {
  /** False when the member is gone or deactivated. */
  active: boolean;
  role: Role;
  unitId: string | null;
  sessionVersion: number;
  /** This token was signed out. */
  revoked: boolean;
}

/**
 * The member's current row and the token's revocation, or undefined when the member is gone. A
 * resident (no member id) has only the revocation to check.
 */
export async function readMemberGrant(
  db: Queryable,
  memberId: string | undefined,
  tokenId: string | undefined,
): Promise<MemberGrant | undefined> {
  const { rows } = memberId
    ? await db.query<MemberGrant>(
        `SELECT m.active, m.role, m.unit_id AS "unitId", m.session_version AS "sessionVersion",
                EXISTS (SELECT 1 FROM revoked_sessions r WHERE r.token_id = $2) AS revoked
           FROM members m WHERE m.id = $1`,
        [memberId, tokenId ?? null],
      )
    : await db.query<MemberGrant>(
        `SELECT true AS active, 'resident' AS role, NULL AS "unitId", 0 AS "sessionVersion",
                EXISTS (SELECT 1 FROM revoked_sessions r WHERE r.token_id = $1) AS revoked`,
        [tokenId],
      );
  return rows[0];
}
