/**
 * `npm run ward:create -- --name "Phường Xuân Thọ" --slug xuan-tho [--province "Đồng Nai"]
 *  [--admin-name "Nguyễn Văn A"] [--admin-phone 0912345678]`: a new ward with its first admin, and
 * that admin's one-time sign-in link (7 days). Units, members and groups are then set up in the app.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig, readEnvironment } from '../server/src/config.js';
import { openDatabase } from '../server/src/database.js';
import { applicationRoleStatement, createDb } from '../server/src/plugins/db.js';
import { StartupError } from '../server/src/startup-error.js';
import { createWardWithAdmin, wardSlugTaken } from '../server/src/wards/create-ward.js';

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

if (!values.name || !values.slug) {
  console.error(
    'Cần --name và --slug, ví dụ: npm run ward:create -- --name "Phường Xuân Thọ" --slug xuan-tho',
  );
  process.exit(2);
}

try {
  const config = loadConfig(readEnvironment(), { zalo: false });
  const database = await openDatabase(config, (message) => console.log(message));
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  try {
    const db = createDb(pool, await applicationRoleStatement(pool));
    // Running it again is what someone whose admin link expired would try: point them to the way out.
    if (await db.withSystem((client) => wardSlugTaken(client, values.slug!)))
      throw new Error(
        `Đã có phường với mã "${values.slug}". Chọn mã khác; nếu liên kết của quản trị viên đã hết hạn, tạo liên kết mới: npm run ward:invite-admin -- --slug ${values.slug}`,
      );
    const created = await createWardWithAdmin(
      db,
      {
        name: values.name,
        slug: values.slug,
        province: values.province ?? 'Đồng Nai',
        adminName: values['admin-name'] ?? 'Quản trị phường',
        adminPhone: values['admin-phone'],
      },
      config.publicUrl,
    );
    console.log(`Đã tạo ${values.name} (mã ${values.slug}).`);
    console.log(`Liên kết đăng nhập của quản trị viên (dùng một lần, hết hạn ${created.expiresAt}):`);
    console.log(created.link);
  } finally {
    await pool.end();
    await database.stop();
  }
} catch (error) {
  console.error(error instanceof StartupError || error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
