/**
 * Session tokens already verified, remembered by their exact text until they expire. A phone sends the
 * same token with every request, and checking it in full each time (base64 and JSON decodes and an
 * HMAC; fast-jwt's own cache still hashes the whole token with SHA-256 per request) was a large share of
 * the busiest route's CPU (`npm run bench:ack`).
 *
 * Only the very same string hits, signature included, so a changed or re-signed token is always checked
 * in full. Nothing is remembered past the token's `exp` or longer than `maxAgeMs`, and a refusal is never
 * remembered. Only tokens that passed the check are stored, so junk cannot fill the table; when valid
 * ones do, it starts over. Whether the member may still use the token is a separate, later check
 * (session-rechecks.ts).
 */
export class VerifiedTokens<Claims extends { exp?: number }> {
  private readonly entries = new Map<string, { claims: Claims; until: number }>();

  constructor(
    /** The full check: returns the claims, or throws for a bad or expired token. */
    private readonly verify: (token: string) => Claims,
    private readonly maxAgeMs = 60_000,
    private readonly maxEntries = 10_000,
  ) {}

  claims(token: string): Claims {
    const now = Date.now();
    const known = this.entries.get(token);
    if (known && now < known.until) return known.claims;
    const claims = Object.freeze(this.verify(token));
    if (typeof claims.exp === 'number') {
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      this.entries.set(token, { claims, until: Math.min(claims.exp * 1000, now + this.maxAgeMs) });
    }
    return claims;
  }
}
