/** Checks every file of a backup against its manifest before a restore touches the target. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { BackupError, type BackupManifest } from './manifest.js';
import { checkPhotoCopies } from './photo-files.js';

async function checkTableFile(dir: string, file: string, sha256: string): Promise<void> {
  const hash = createHash('sha256');
  try {
    await pipeline(createReadStream(join(dir, 'database', file)), createGunzip(), async (source) => {
      for await (const chunk of source) hash.update(chunk as Buffer);
    });
  } catch {
    throw new BackupError(`Không đọc được tệp ${file} của bản sao lưu (thiếu hoặc hỏng).`);
  }
  if (hash.digest('hex') !== sha256) {
    throw new BackupError(`Tệp ${file} của bản sao lưu bị hỏng (không khớp manifest.json).`);
  }
}

export async function verifyBackup(dir: string, manifest: BackupManifest): Promise<void> {
  for (const table of manifest.tables) await checkTableFile(dir, table.file, table.sha256);
  await checkPhotoCopies(dir, manifest.photos);
}
