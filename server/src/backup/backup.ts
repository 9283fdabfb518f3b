/**
 * `npm run backup`: one dated folder holding the database rows (one consistent snapshot), the photo
 * store's files, and manifest.json with a sha256 for each, which `npm run restore` checks.
 */
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { openMaintenanceDatabase } from './connect.js';
import { dumpDatabase } from './dump-database.js';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupManifest, writeManifest } from './manifest.js';
import { copyPhotosOut } from './photo-files.js';

export function backupFolderName(now: Date): string {
  return `loa-phuong-${now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-')}`;
}

export async function createBackup(
  config: Config,
  outRoot: string,
  log: (message: string) => void,
  now = new Date(),
): Promise<{ dir: string; manifest: BackupManifest }> {
  const dir = join(outRoot, backupFolderName(now));
  // Written under a .partial name and renamed at the end: a folder without it is complete.
  const partial = `${dir}.partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  const database = await openMaintenanceDatabase(config, log);
  try {
    const dump = await dumpDatabase(database.url, partial);
    // Photos after the rows: a photo uploaded in between is a file no row names (harmless), never a
    // row whose file is missing.
    const photos =
      config.photoStorage === 'local' ? await copyPhotosOut(join(config.dataDir, 'photos'), partial) : [];
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: now.toISOString(),
      ...dump,
      photoStorage: config.photoStorage,
      photos,
    };
    await writeManifest(partial, manifest);
    await rename(partial, dir);
    return { dir, manifest };
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  } finally {
    await database.stop();
  }
}
