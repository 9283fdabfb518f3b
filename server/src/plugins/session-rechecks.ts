/**
 * What a session token may still do, read from the database and trusted for a few seconds.
 *
 * A token says who signed in and with which role and team; the member may since have been deactivated,
 * moved to another team, given another role, or signed out. Every request compares its token with the
 * member's current row (and the token's revocation), but reads it at most once per token per
 * `ttlMs`: under load the same few tokens arrive many times a second, and a read per request was a
 * round trip per request (`npm run bench:ack`). Changes made through this server forget the cached
 * answers at once (`forgetMember`, `forgetToken`); anything else (another instance, a manual UPDATE)
 * takes effect within `ttlMs`.
 */
import { type MemberGrant, readMemberGrant } from '../auth/service.js';
import type { Db } from './db.js';

export interface TokenIdentity {
  wardId: string;
  memberId: string | undefined;
  tokenId: string | undefined;
}

interface Entry {
  memberId: string | undefined;
  expires: number;
  grant: Promise<MemberGrant>;
}

const MISSING: MemberGrant = {
  active: false,
  role: 'team_member',
  unitId: null,
  sessionVersion: 0,
  revoked: false,
};

async function readGrant(db: Db, who: TokenIdentity): Promise<MemberGrant> {
  const grant = await db.batchInWard(who.wardId, (client) =>
    readMemberGrant(client, who.memberId, who.tokenId),
  );
  return grant ?? MISSING;
}

export class SessionRechecks {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly db: Db,
    private readonly ttlMs: number,
    private readonly maxEntries = 20_000,
  ) {}

  /** The member's grant for this token, from the cache when it is fresh. */
  grant(who: TokenIdentity): Promise<MemberGrant> {
    const key = who.tokenId ?? `member:${who.memberId}`;
    const now = Date.now();
    const cached = this.entries.get(key);
    if (cached && cached.expires > now) return cached.grant;
    if (this.entries.size >= this.maxEntries) this.dropExpired(now);
    const grant = readGrant(this.db, who);
    const entry: Entry = { memberId: who.memberId, expires: now + this.ttlMs, grant };
    this.entries.set(key, entry);
    // A failed read (the database is down) is not remembered: the next request asks again.
    grant.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return grant;
  }

  /** The member's row changed (role, team, active): read it again on their next request. */
  forgetMember(memberId: string): void {
    for (const [key, entry] of this.entries) if (entry.memberId === memberId) this.entries.delete(key);
  }

  /** Many members changed at once (a list import). */
  forgetAll(): void {
    this.entries.clear();
  }

  forgetToken(tokenId: string): void {
    this.entries.delete(tokenId);
  }

  private dropExpired(now: number): void {
    for (const [key, entry] of this.entries) if (entry.expires <= now) this.entries.delete(key);
    // Still full of fresh entries (a flood of distinct tokens): start over rather than grow.
    if (this.entries.size >= this.maxEntries) this.entries.clear();
  }
}
