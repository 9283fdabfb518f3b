/**
 * The command lines' way into the database: the server's configuration and database (embedded or
 * DATABASE_URL), a small pool under the application role, closed again whatever happens. A failure is
 * printed as its message (Vietnamese for ours) with exit code 1, never a stack trace.
 */
import pg from 'pg';
import { type Config, loadConfig, readEnvironment } from '../../server/src/config.js';
import { openDatabase } from '../../server/src/database.js';
import { applicationRoleStatement, createDb, type Db } from '../../server/src/plugins/db.js';
import { StartupError } from '../../server/src/startup-error.js';

export async function withDatabase(work: (db: Db, config: Config) => Promise<void>): Promise<void> {
  try {
    const config = loadConfig(readEnvironment(), { zalo: false });
    const database = await openDatabase(config, (message) => console.log(message));
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    try {
      await work(createDb(pool, await applicationRoleStatement(pool)), config);
    } finally {
      await pool.end();
      await database.stop();
    }
  } catch (error) {
    console.error(error instanceof StartupError || error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
