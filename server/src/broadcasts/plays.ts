/**
 * Teams report each loudspeaker play (a play log), not just a total at the end: when it was played and
 * by whom. Staff may report for a team. Each report is audited.
 */
import { inRoleGroup } from '@loa/shared';
import { recordAuditBy } from '../audit/audit.js';
import { AppError } from '../errors.js';
import type { Session } from '../plugins/auth.js';
import type { Queryable } from '../plugins/db.js';
import { addPlays, findLoudspeakerDelivery, listPlays } from './plays-sql.js';

/** The team whose deliveries the session may act on; null = any (the office). */
export function playScope(session: Session): string | null {
  const office = inRoleGroup(session.role, 'office');
  if (office) return null;
  if (!session.unitId)
    throw new AppError('FORBIDDEN', 'Tài khoản của bạn chưa thuộc tổ nào, nên chưa báo phát loa được.');
  return session.unitId;
}

const notFound = () => new AppError('NOT_FOUND', 'Không tìm thấy lượt phát loa này trong việc của tổ.');

export async function reportPlay(
  db: Queryable,
  session: Session,
  deliveryId: string,
  playedAtInput: string | undefined,
  now: Date,
): Promise<{ total: number }> {
  const unitId = playScope(session);
  const delivery = await findLoudspeakerDelivery(db, deliveryId, unitId);
  if (!delivery) throw notFound();
  const playedAt = playedAtInput ? new Date(playedAtInput) : now;
  if (playedAt.getTime() > now.getTime() + 5 * 60_000)
    throw new AppError('VALIDATION_FAILED', 'Giờ phát ở tương lai. Hãy báo sau khi đã phát xong.');
  if (playedAt.getTime() < delivery.dueAt.getTime() - 60 * 60_000)
    throw new AppError('VALIDATION_FAILED', 'Giờ phát trước khi bài được giao phát. Kiểm tra lại giờ phát.');
  const total = await addPlays(db, {
    deliveryId,
    unitId,
    memberId: session.memberId ?? null,
    playedAt,
    count: 1,
  });
  if (total === undefined) throw new AppError('DELIVERY_NOT_WAITING');
  await recordAuditBy(db, session, {
    action: 'deliveries.reportPlay',
    entity: 'delivery',
    entityId: deliveryId,
    after: { playedAt: playedAt.toISOString(), total },
  });
  return { total };
}

export async function plays(db: Queryable, session: Session, deliveryId: string) {
  const unitId = playScope(session);
  if (!(await findLoudspeakerDelivery(db, deliveryId, unitId))) throw notFound();
  return listPlays(db, deliveryId, unitId);
}
