/** A team confirms its part of a delivery: shared into the group, or read aloud on the loudspeaker. */
import { AppError } from '../errors.js';
import type { Session } from '../plugins/auth.js';
import type { Db } from '../plugins/db.js';
import { completeTeamDelivery, teamDeliveryExists } from './deliveries-sql.js';

export async function completeDelivery(
  database: Db,
  session: Session,
  id: string,
  kind: 'team_share' | 'loudspeaker',
  broadcastCount: number | null,
): Promise<void> {
  const office = session.role === 'staff' || session.role === 'admin';
  if (!office && !session.unitId)
    throw new AppError('FORBIDDEN', 'Tài khoản của bạn chưa thuộc tổ nào, nên chưa xác nhận được.');
  const unitId = office ? null : (session.unitId ?? null);
  const outcome = await database.withWard(session.wardId, async (db) => {
    if (
      await completeTeamDelivery(db, { id, kind, memberId: session.memberId ?? null, unitId, broadcastCount })
    ) {
      return 'done';
    }
    // Not changed: unknown here (another ward's, another team's) is a 404; already confirmed is a 409.
    return (await teamDeliveryExists(db, id, kind, unitId)) ? 'not_waiting' : 'not_found';
  });
  if (outcome === 'not_found')
    throw new AppError('NOT_FOUND', 'Không tìm thấy lượt chia sẻ này trong việc của tổ.');
  if (outcome === 'not_waiting') throw new AppError('DELIVERY_NOT_WAITING');
}
