/**
 * One OA token serves the whole install (zalo/plugin.ts): the OA of ZALO_OA_ID or of the default
 * ward. Another ward's "Mã OA Zalo" is stored but not connected, so its staff must neither see the
 * connected OA's groups (they are another ward's khu phố groups) nor register them and post into
 * them. Per-ward OA tokens would lift this; until then this is the guard.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';
import { findWard } from './sql.js';

/** Whether the ward's own OA is the one this server sends through. */
export async function wardOwnsConnectedOa(app: FastifyInstance, wardId: string): Promise<boolean> {
  const [connected, ward] = await Promise.all([
    app.zalo.connectedOaId(),
    app.db.withWard(wardId, (db) => findWard(db, wardId)),
  ]);
  return Boolean(connected) && ward?.zaloOaId === connected;
}

/**
 * Refuses (409, in Vietnamese) the OA's groups to a ward that is not the OA's. With no OA at all the
 * answer stays "OA not connected" (fetchOaGroups says so); ordinary team_share groups are not asked.
 */
export async function assertWardOwnsConnectedOa(app: FastifyInstance, wardId: string): Promise<void> {
  if (!(await app.zalo.connectedOaId())) return;
  if (!(await wardOwnsConnectedOa(app, wardId))) throw new AppError('WARD_OA_NOT_CONNECTED');
}
