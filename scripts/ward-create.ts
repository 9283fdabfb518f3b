/**
 * `npm run ward:create -- --name "Phường Xuân Thọ" --slug xuan-tho [--province "Đồng Nai"]
 *  [--admin-name "Nguyễn Văn A"] [--admin-phone 0912345678]`: a new ward with its first admin, and
 * that admin's one-time sign-in link (7 days). Units, members and groups are then set up in the app.
 */
import { parseArgs } from 'node:util';
import { createWardWithAdmin, wardSlugTaken } from '../server/src/wards/create-ward.js';
import { inviteLinkBases } from '../server/src/wards/invites.js';
import { printInviteLinks } from './lib/print-invite.js';
import { withDatabase } from './lib/with-database.js';

const options = {
  name: { type: 'string' },
  slug: { type: 'string' },
  province: { type: 'string', default: 'Đồng Nai' },
  'admin-name': { type: 'string', default: 'Quản trị phường' },
  'admin-phone': { type: 'string' },
} as const;
let values: ReturnType<typeof parseArgs<{ options: typeof options }>>['values'];
try {
  ({ values } = parseArgs({ options }));
} catch (error) {
  // An unknown or valueless option: say so in Vietnamese rather than with a stack trace.
  console.error(
    `Tham số chưa đúng (${(error as Error).message}). Ví dụ: npm run ward:create -- --name "Phường Xuân Thọ" --slug xuan-tho`,
  );
  process.exit(2);
}

const { name, slug } = values;
if (!name || !slug) {
  console.error(
    'Cần --name và --slug, ví dụ: npm run ward:create -- --name "Phường Xuân Thọ" --slug xuan-tho',
  );
  process.exit(2);
}

await withDatabase(async (db, config) => {
  // Running it again is what someone whose admin link expired would try: point them to the way out.
  if (await db.withSystem((client) => wardSlugTaken(client, slug)))
    throw new Error(
      `Đã có phường với mã "${slug}". Chọn mã khác; nếu liên kết của quản trị viên đã hết hạn, tạo liên kết mới: npm run ward:invite-admin -- --slug ${slug}`,
    );
  const created = await createWardWithAdmin(
    db,
    {
      name,
      slug,
      province: values.province ?? 'Đồng Nai',
      adminName: values['admin-name'] ?? 'Quản trị phường',
      adminPhone: values['admin-phone'],
    },
    inviteLinkBases(config),
  );
  console.log(`Đã tạo ${name} (mã ${slug}).`);
  console.log(`Liên kết đăng nhập của quản trị viên (dùng một lần, hết hạn ${created.expiresAt}):`);
  printInviteLinks(created);
});
