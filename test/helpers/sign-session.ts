import jwt from '@fastify/jwt';
import Fastify from 'fastify';
import { type Session, sessionClaims } from '../../server/src/plugins/auth.js';

/**
 * A session token signed with `secret`, as the server would issue it (the same claims, the same JWT
 * library), for browser tests that run the server as a separate process (no app instance to call
 * issueSession on).
 */
export async function signSession(secret: string, session: Omit<Session, 'zaloUserId'>): Promise<string> {
  const app = Fastify();
  await app.register(jwt, { secret, sign: { expiresIn: '60m' } });
  await app.ready();
  try {
    return app.jwt.sign(sessionClaims({ ...session, zaloUserId: undefined }));
  } finally {
    await app.close();
  }
}
