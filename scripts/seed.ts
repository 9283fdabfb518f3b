/**
 * `npm run seed`: create the Dầu Giây demo ward if it does not exist (idempotent), its campaign placed
 * around today.
 */
import { wardDayOf } from '@loa/shared';
import pg from 'pg';
import { loadConfig, readEnvironment } from '../server/src/config.js';
import { openDatabase } from '../server/src/database.js';
import { applicationRoleStatement, createDb } from '../server/src/plugins/db.js';
import { seedDemoWardIfEmpty } from '../server/src/seed/demo-ward.js';
import { StartupError } from '../server/src/startup-error.js';

try {
  const config = loadConfig(readEnvironment(), { zalo: false });
  const database = await openDatabase(config, (message) => console.log(message));
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  try {
    const seeded = await seedDemoWardIfEmpty(createDb(pool, await applicationRoleStatement(pool)), {
      placeAround: wardDayOf(new Date()),
    });
    console.log(seeded ? 'Đã tạo phường mẫu Dầu Giây.' : 'Phường mẫu Dầu Giây đã có sẵn; không thay đổi gì.');
  } finally {
    await pool.end();
    await database.stop();
  }
} catch (error) {
  console.error(error instanceof StartupError ? error.message : error);
  process.exitCode = 1;
}
