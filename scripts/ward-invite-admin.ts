/**
 * `npm run ward:invite-admin -- --slug xuan-tho [--phone 0912345678]`: a new one-time sign-in link
 * (7 days) for a ward's admin, when the one `ward:create` printed has expired or was lost. Without
 * --phone the ward must have exactly one active admin.
 */
import { parseArgs } from 'node:util';
import { inviteWardAdmin } from '../server/src/wards/admin-invite.js';
import { inviteLinkBases } from '../server/src/wards/invites.js';
import { printInviteLinks } from './lib/print-invite.js';
import { withDatabase } from './lib/with-database.js';

const USAGE = 'Ví dụ: npm run ward:invite-admin -- --slug xuan-tho --phone 0912345678';

let values: { slug?: string; phone?: string };
try {
  ({ values } = parseArgs({ options: { slug: { type: 'string' }, phone: { type: 'string' } } }));
} catch (error) {
  console.error(`Tham số chưa đúng (${(error as Error).message}). ${USAGE}`);
  process.exit(2);
}

const { slug, phone } = values;
if (!slug) {
  console.error(`Cần --slug, mã phường đã đặt khi chạy ward:create. ${USAGE}`);
  process.exit(2);
}

await withDatabase(async (db, config) => {
  const invite = await inviteWardAdmin(db, { slug, phone }, inviteLinkBases(config));
  console.log(`Liên kết đăng nhập mới cho ${invite.adminName}, quản trị viên ${invite.wardName}`);
  console.log(`(dùng một lần, hết hạn ${invite.expiresAt}):`);
  printInviteLinks(invite);
});
