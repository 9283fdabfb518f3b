/**
 * The ward's own OA id, as `ward:connect-oa` sets it (zalo/connect-oa.ts): a ward has one OA and an OA
 * one ward, so connecting never takes another ward's OA, nor quietly moves a ward to another OA (that
 * is an edit on the ward screen first).
 */
import type { Queryable } from '../plugins/db.js';
import { selectWardByOaId, selectWardForConnect, setWardOaId } from './sql.js';

export async function assignWardOa(
  db: Queryable,
  slug: string,
  oaId: string,
): Promise<{ id: string; name: string }> {
  const ward = await selectWardForConnect(db, slug);
  if (!ward)
    throw new Error(`Không có phường nào với mã "${slug}". Xem lại --slug (mã đã đặt khi chạy ward:create).`);
  if (ward.oaId && ward.oaId !== oaId)
    throw new Error(
      `${ward.name} đang ghi Mã OA Zalo ${ward.oaId}, khác --oa-id ${oaId}. Sửa Mã OA Zalo ở màn hình Phường trước, hoặc xem lại --oa-id.`,
    );
  const owner = await selectWardByOaId(db, oaId);
  if (owner && owner.id !== ward.id)
    throw new Error(
      `OA ${oaId} đã là OA của ${owner.name}: mỗi phường gửi qua OA của riêng mình. Xem lại --oa-id.`,
    );
  if (!ward.oaId) await setWardOaId(db, ward.id, oaId);
  return { id: ward.id, name: ward.name };
}
