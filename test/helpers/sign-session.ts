import Fastify from 'fastify';
import authPlugin, { type Session } from '../../server/src/plugins/auth.js';

/**
 * A session token signed with `secret`, as the server would issue it, for browser tests that run the
 * server as a separate process (no app instance to call issueSession on).
 */
export async function signSession(secret: string, session: Omit<Session, 'zaloUserId'>): Promise<string> {
  const app = Fastify();
  await app.register(authPlugin, { secret, ttlMinutes: 60 });
  await app.ready();
  try {
    return app.issueSession({ ...session, zaloUserId: undefined });
  } finally {
    await app.close();
  }
}
