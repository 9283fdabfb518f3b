/**
 * `npm run ward:invite-admin -- --slug xuan-tho [--phone 0912345678]`: a new one-time sign-in link
 * (7 days) for a ward's admin, when the one `ward:create` printed has expired or was lost. Without
 * --phone the ward must have exactly one active admin.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig, readEnvironment } from '../server/src/config.js';
import { openDatabase } from '../server/src/database.js';
import { applicationRoleStatement, createDb } from '../server/src/plugins/db.js';
import { StartupError } from '../server/src/startup-error.js';
import { inviteWardAdmin } from '../server/src/wards/admin-invite.js';

const USAGE = 'Ví dụ: npm run ward:invite-admin -- --slug xuan-tho --phone 0912345678';

let values: { slug?: string; phone?: string };
try {
  ({ values } = parseArgs({ options: { slug: { type: 'string' }, phone: { type: 'string' } } }));
} catch (error) {
  console.error(`Tham số chưa đúng (${(error as Error).message}). ${USAGE}`);
  process.exit(2);
}

if (!values.slug) {
  console.error(`Cần --slug, mã phường đã đặt khi chạy ward:create. ${USAGE}`);
  process.exit(2);
}

try {
  const config = loadConfig(readEnvironment(), { zalo: false });
  const database = await openDatabase(config, (message) => console.log(message));
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  try {
    const invite = await inviteWardAdmin(
      createDb(pool, await applicationRoleStatement(pool)),
      { slug: values.slug, phone: values.phone },
      config.publicUrl,
    );
    console.log(`Liên kết đăng nhập mới cho ${invite.adminName}, quản trị viên ${invite.wardName}`);
    console.log(`(dùng một lần, hết hạn ${invite.expiresAt}):`);
    console.log(invite.link);
  } finally {
    await pool.end();
    await database.stop();
  }
} catch (error) {
  console.error(error instanceof StartupError || error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
