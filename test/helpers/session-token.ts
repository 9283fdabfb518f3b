/**
 * TEST ONLY: signs a session token the way the server's auth plugin does (HS256 over the same claims),
 * for browser tests of a server running as a separate process with the test SESSION_SECRET.
 * The lead will replace its use in browser tests with the development login picker once it lands.
 */
import { createHmac } from 'node:crypto';

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

export function signTestSession(
  secret: string,
  who: { memberId: string; wardId: string; role: string; unitId?: string | null },
  ttlSeconds = 3600,
): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(
    JSON.stringify({
      sub: who.memberId,
      ward: who.wardId,
      role: who.role,
      ...(who.unitId ? { unit: who.unitId } : {}),
      iat: now,
      exp: now + ttlSeconds,
    }),
  );
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}
