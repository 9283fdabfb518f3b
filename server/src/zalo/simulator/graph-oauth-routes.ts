/** The simulator's graph.zalo.me (mini-app users) and oauth.zaloapp.com (OA token rotation). */
import { createHmac } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { fail, header, ok } from './envelope.js';
import type { SimState } from './state.js';

type Body = Record<string, unknown>;

/** What these routes need of the simulator's options (zalo-routes.ts passes its own). */
export interface GraphOauthOptions {
  state: SimState;
  appId: string;
  appSecret: string;
}

export function registerGraphAndOauth(app: FastifyInstance, options: GraphOauthOptions): void {
  const { state } = options;
  // --- graph.zalo.me: mini-app users ---
  app.get('/graph/v2.0/me', async (request) => {
    const token = header(request, 'access_token') ?? '';
    const appUserId = state.userTokens.get(token);
    if (!appUserId) return fail(452, 'Session key invalid');
    const proof = createHmac('sha256', options.appSecret).update(token).digest('hex');
    if (header(request, 'appsecret_proof') !== proof) return fail(-242, 'Invalid appsecret_proof');
    const person = state.personByAppId(appUserId);
    if (!person) return fail(452, 'Session key invalid');
    return {
      error: 0,
      message: 'Success',
      id: person.appUserId,
      name: person.name,
      picture: { data: { url: 'https://h5.zdn.vn/static/images/avatar.png' } },
      user_id_by_oa: person.oaUserId,
      is_follower: person.follower,
    };
  });
  app.get('/graph/v2.0/me/info', async (request) => {
    const appUserId = state.userTokens.get(header(request, 'access_token') ?? '');
    if (!appUserId) return fail(452, 'Session key invalid');
    if (header(request, 'secret_key') !== options.appSecret) return fail(-242, 'Invalid secret key');
    const code = state.codes.get(header(request, 'code') ?? '');
    state.codes.delete(header(request, 'code') ?? ''); // single use
    if (!code || code.appUserId !== appUserId || code.expiresAt < Date.now())
      return fail(100, 'Invalid code');
    const person = state.personByAppId(appUserId);
    if (!person) return fail(452, 'Session key invalid');
    if (code.kind === 'phone') return ok({ number: person.phone });
    const { latitude, longitude } = person.location;
    return ok({
      latitude: String(latitude),
      longitude: String(longitude),
      timestamp: String(Date.now()),
      provider: 'gps',
    });
  });

  // --- oauth.zaloapp.com: OA token refresh (single use, rotating) ---
  app.post('/oauth/v4/oa/access_token', async (request) => {
    const body = (request.body ?? {}) as Body;
    if (header(request, 'secret_key') !== options.appSecret || body.app_id !== options.appId) {
      return {
        error: -14001,
        error_name: 'Invalid app',
        error_description: 'app_id or secret_key is invalid',
      };
    }
    if (body.grant_type !== 'refresh_token') {
      return { error: -14019, error_name: 'Invalid grant_type', error_description: 'grant_type is invalid' };
    }
    const pair = state.rotate(String(body.refresh_token ?? ''));
    if (!pair)
      return {
        error: -14014,
        error_name: 'Invalid refresh token',
        error_description: 'Refresh token is invalid or has been used',
      };
    return {
      access_token: pair.accessToken,
      refresh_token: pair.refreshToken,
      expires_in: String(pair.expiresInSeconds),
    };
  });
}
