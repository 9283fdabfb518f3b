/**
 * `npm run backup [-- --out <folder>]`: database rows and photo files into one dated folder with a
 * manifest (see server/src/backup). DATABASE_URL or the embedded PostgreSQL of DATA_DIR, running or not.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createBackup } from '../server/src/backup/backup.js';
import { BackupError } from '../server/src/backup/manifest.js';
import { loadConfig, REPO_ROOT, readEnvironment } from '../server/src/config.js';
import { StartupError } from '../server/src/startup-error.js';

try {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const config = loadConfig(readEnvironment(), { zalo: false });
  const outRoot = resolve(values.out ?? process.env.BACKUP_DIR ?? resolve(REPO_ROOT, 'backups'));
  const { dir, manifest } = await createBackup(config, outRoot, (message) => console.log(message));
  const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
  console.log(
    `Đã sao lưu ${manifest.tables.length} bảng (${rows} dòng) và ${manifest.photos.length} tệp ảnh vào ${dir}`,
  );
  if (manifest.photoStorage === 's3')
    console.log('Ảnh nằm trong kho S3: bản sao lưu này chỉ có cơ sở dữ liệu; hãy bật versioning cho bucket.');
} catch (error) {
  console.error(error instanceof StartupError || error instanceof BackupError ? error.message : error);
  process.exitCode = 1;
}
