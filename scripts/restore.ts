/**
 * `npm run restore -- <backup folder> [--force]`: the backup into DATABASE_URL (or the embedded
 * PostgreSQL of DATA_DIR) and DATA_DIR/photos. Stop the server first.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BackupError } from '../server/src/backup/manifest.js';
import { restoreBackup } from '../server/src/backup/restore.js';
import { loadConfig, readEnvironment } from '../server/src/config.js';
import { StartupError } from '../server/src/startup-error.js';

try {
  const { values, positionals } = parseArgs({
    options: { force: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  if (positionals.length !== 1)
    throw new BackupError('Cách dùng: npm run restore -- <thư mục sao lưu> [--force]');
  const config = loadConfig(readEnvironment(), { zalo: false });
  const result = await restoreBackup(
    config,
    resolve(positionals[0]!),
    { force: values.force ?? false },
    (message) => console.log(message),
  );
  console.log(
    `Đã khôi phục bản sao lưu lúc ${result.manifest.createdAt}: ${result.tables} bảng (${result.rows} dòng) và ${result.photos} tệp ảnh.`,
  );
  if (result.setAside) console.log(`Kho ảnh cũ được giữ lại ở ${result.setAside}; xoá khi không cần nữa.`);
} catch (error) {
  console.error(error instanceof StartupError || error instanceof BackupError ? error.message : error);
  process.exitCode = 1;
}
