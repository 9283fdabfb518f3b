/**
 * Connecting a ward's own OA (`npm run ward:connect-oa`): the first token pair an OA admin's consent
 * gave (Zalo's API Explorer, or the OAuth v4 OA flow), stored for that ward. From then on the ward sends,
 * fetches its groups, uploads images, replies and notifies through its own OA (oa-registry.ts), and the
 * periodic pass keeps the pair fresh. Audited; the tokens themselves are never written to the log.
 */
import { recordAudit } from '../audit/audit.js';
import type { Db } from '../plugins/db.js';
import { assignWardOa } from '../wards/oa-id.js';
import { upsertWardOaToken } from './sql.js';

/** Its age is unknown: say the access token expires within the hour, so the first pass rotates it. */
const UNKNOWN_AGE_SECONDS = 3600;

export interface ConnectOaRequest {
  slug: string;
  oaId: string;
  accessToken: string;
  refreshToken: string;
}

export async function connectWardOa(
  db: Db,
  request: ConnectOaRequest,
): Promise<{ wardName: string; oaId: string; replaced: boolean }> {
  const oaId = request.oaId.trim();
  if (!/^[0-9]{1,30}$/.test(oaId))
    throw new Error('--oa-id chưa đúng: Mã OA là một dãy số (xem trang quản lý OA, mục Thông tin OA).');
  const accessToken = request.accessToken.trim();
  const refreshToken = request.refreshToken.trim();
  if (!accessToken || !refreshToken)
    throw new Error('Cần cả --access-token và --refresh-token (cặp token quản trị viên OA vừa cấp).');
  if (accessToken === refreshToken)
    throw new Error('--access-token và --refresh-token giống nhau: kiểm tra lại, đó là hai mã khác nhau.');
  return db.withSystem(async (client) => {
    const ward = await assignWardOa(client, request.slug, oaId);
    const replaced = await upsertWardOaToken(client, ward.id, oaId, {
      accessToken,
      refreshToken,
      expiresInSeconds: UNKNOWN_AGE_SECONDS,
    });
    // No member did it (the command line): the entry has no actor, like `wards.create`.
    await recordAudit(client, {
      wardId: ward.id,
      actorMemberId: undefined,
      action: 'zalo.oa_connected',
      entity: 'oa_tokens',
      entityId: oaId,
      after: { oaId, replaced, from: 'ward:connect-oa' },
    });
    return { wardName: ward.name, oaId, replaced };
  });
}
