/**
 * `npm run restore -- <folder> [--force]`: puts a backup into the configured database and photo store.
 * It checks the whole backup first, and refuses a target that already holds rows or photos unless the
 * operator says --force (the rows are then replaced; the old photo folder is set aside, not deleted).
 */
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { openMaintenanceDatabase } from './connect.js';
import { loadDatabase, rowsInTarget } from './load-database.js';
import { BackupError, type BackupManifest, readManifest } from './manifest.js';
import { copyPhotosIn, photosPresent } from './photo-files.js';
import { verifyBackup } from './verify.js';

export interface RestoreResult {
  manifest: BackupManifest;
  tables: number;
  rows: number;
  photos: number;
  /** Where the photos that were there before went (with --force). */
  setAside?: string;
}

function describeRows(found: { table: string; rows: number }[]): string {
  const shown = found.slice(0, 4).map((entry) => `${entry.table}: ${entry.rows} dòng`);
  return found.length > 4 ? `${shown.join(', ')}, … (${found.length} bảng)` : shown.join(', ');
}

export async function restoreBackup(
  config: Config,
  dir: string,
  options: { force: boolean },
  log: (message: string) => void,
): Promise<RestoreResult> {
  const manifest = await readManifest(dir);
  await verifyBackup(dir, manifest);
  const photosDir = join(config.dataDir, 'photos');
  const database = await openMaintenanceDatabase(config, log);
  try {
    if (database.inUse) {
      throw new BackupError(
        'PostgreSQL của thư mục dữ liệu này đang chạy (máy chủ đang bật?). Hãy dừng máy chủ rồi chạy lại lệnh khôi phục.',
      );
    }
    const found = await rowsInTarget(database.url);
    const photoFiles = config.photoStorage === 'local' ? await photosPresent(photosDir) : 0;
    if ((found.length || photoFiles) && !options.force) {
      const what = [
        found.length ? `cơ sở dữ liệu (${describeRows(found)})` : '',
        photoFiles ? `kho ảnh (${photoFiles} tệp)` : '',
      ]
        .filter(Boolean)
        .join(' và ');
      throw new BackupError(
        `Nơi khôi phục đã có dữ liệu: ${what}. Khôi phục sẽ XOÁ dữ liệu đó và thay bằng bản sao lưu lúc ${manifest.createdAt}. Nên sao lưu trước (npm run backup), rồi nếu chắc chắn, chạy lại với --force.`,
      );
    }
    await loadDatabase(database.url, dir, manifest);
    let setAside: string | undefined;
    if (config.photoStorage === 'local') {
      if (photoFiles) {
        setAside = `${photosDir}.before-restore-${Date.now()}`;
        await rename(photosDir, setAside);
      }
      await copyPhotosIn(dir, photosDir, manifest.photos);
    }
    return {
      manifest,
      tables: manifest.tables.length,
      rows: manifest.tables.reduce((sum, table) => sum + table.rows, 0),
      photos: manifest.photos.length,
      setAside,
    };
  } finally {
    await database.stop();
  }
}
