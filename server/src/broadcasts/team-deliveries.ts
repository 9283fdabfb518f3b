/**
 * The teams' part of the ledger: a due team_share or loudspeaker delivery opens as a task for its team
 * (every member is told), and the team confirms it: shared into the group, or read aloud on the
 * loudspeaker.
 */
import { inRoleGroup } from '@loa/shared';
import { recordAuditBy } from '../audit/audit.js';
import { AppError } from '../errors.js';
import type { Notifier } from '../notifications/queue.js';
import type { Session } from '../plugins/auth.js';
import type { Db, Queryable } from '../plugins/db.js';
import { completeTeamDelivery, teamDeliveryExists } from './deliveries-sql.js';
import { openTeamDeliveries } from './ledger-sql.js';
import { logPlaysOfTotal } from './plays-sql.js';

/** Opens what fell due at `now` and queues a share-task message per member; returns how many were queued. */
export async function openTeamTasks(db: Queryable, now: Date, notifier: Notifier): Promise<number> {
  const opened = await openTeamDeliveries(db, now);
  return notifier.enqueueForTeams(
    db,
    opened.map((delivery) => ({
      wardId: delivery.wardId,
      kind: 'share_task',
      unitId: delivery.unitId,
      deliveryId: delivery.id,
      dedupePrefix: `share:${delivery.id}`,
      body:
        delivery.targetKind === 'team_share'
          ? `Có bài mới cần chia sẻ vào ${delivery.groupName}. Mở Loa Phường, chọn "Chia sẻ vào nhóm" rồi bấm "Đã chia sẻ".`
          : `Có bài mới cần đọc trên loa của ${delivery.unitName}. Mở Loa Phường để xem nội dung và báo số lần đã phát.`,
    })),
    now,
  );
}

export async function completeDelivery(
  database: Db,
  session: Session,
  id: string,
  kind: 'team_share' | 'loudspeaker',
  broadcastCount: number | null,
): Promise<void> {
  const office = inRoleGroup(session.role, 'officeWriters');
  if (!office && !session.unitId)
    throw new AppError('FORBIDDEN', 'Tài khoản của bạn chưa thuộc tổ nào, nên chưa xác nhận được.');
  const unitId = office ? null : (session.unitId ?? null);
  const outcome = await database.withWard(session.wardId, async (db) => {
    if (
      await completeTeamDelivery(db, { id, kind, memberId: session.memberId ?? null, unitId, broadcastCount })
    ) {
      if (kind === 'loudspeaker' && broadcastCount)
        await logPlaysOfTotal(db, id, session.memberId ?? null, broadcastCount);
      await recordAuditBy(db, session, {
        action: kind === 'team_share' ? 'deliveries.shared' : 'deliveries.broadcast',
        entity: 'delivery',
        entityId: id,
        after: kind === 'team_share' ? { status: 'shared' } : { status: 'done', broadcastCount },
      });
      return 'done';
    }
    // Not changed: unknown here (another ward's, another team's) is a 404; already confirmed is a 409.
    return (await teamDeliveryExists(db, id, kind, unitId)) ? 'not_waiting' : 'not_found';
  });
  if (outcome === 'not_found')
    throw new AppError('NOT_FOUND', 'Không tìm thấy lượt chia sẻ này trong việc của tổ.');
  if (outcome === 'not_waiting') throw new AppError('DELIVERY_NOT_WAITING');
}
