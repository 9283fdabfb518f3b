/** A team confirms its part of a delivery: shared into the group, or read aloud on the loudspeaker. */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';
import type { Session } from '../plugins/auth.js';
import { completeTeamDelivery } from './deliveries-sql.js';

export async function completeDelivery(
  app: FastifyInstance,
  session: Session,
  id: string,
  kind: 'team_share' | 'loudspeaker',
  broadcastCount: number | null,
): Promise<void> {
  const office = session.role === 'staff' || session.role === 'admin';
  if (!office && !session.unitId)
    throw new AppError('FORBIDDEN', 'Tài khoản của bạn chưa thuộc tổ nào, nên chưa xác nhận được.');
  const done = await app.db.withWard(session.wardId, (db) =>
    completeTeamDelivery(db, {
      id,
      kind,
      memberId: session.memberId ?? null,
      unitId: office ? null : (session.unitId ?? null),
      broadcastCount,
    }),
  );
  if (!done) throw new AppError('DELIVERY_NOT_WAITING');
}
