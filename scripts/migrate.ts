/**
 * `npm run migrate`: apply pending migrations to DATABASE_URL, or to the embedded PostgreSQL in DATA_DIR
 * (started for the run and stopped after). Applying twice is a no-op.
 */
import { loadConfig, readEnvironment } from '../server/src/config.js';
import { openDatabase } from '../server/src/database.js';
import { StartupError } from '../server/src/startup-error.js';

try {
  const config = loadConfig(readEnvironment(), { zalo: false });
  const database = await openDatabase(config, (message) => console.log(message));
  await database.stop();
  console.log('Cơ sở dữ liệu đã ở phiên bản mới nhất.');
} catch (error) {
  console.error(error instanceof StartupError ? error.message : error);
  process.exitCode = 1;
}
