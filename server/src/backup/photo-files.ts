/**
 * The photo half: the local photo store's files (never its tmp/ of half-received uploads), copied
 * with their sha256. With PHOTO_STORAGE=s3 the bucket keeps its own copies (turn on its versioning);
 * the backup then holds the database only and says so in its manifest.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { PhotoEntry } from './manifest.js';
import { BackupError } from './manifest.js';

async function* filesUnder(root: string, dir = root): AsyncGenerator<string> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (dir === root && entry.name === 'tmp') continue;
      yield* filesUnder(root, path);
    } else if (entry.isFile()) yield path;
  }
}

export async function sha256OfFile(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}

export async function copyPhotosOut(photosDir: string, backupDir: string): Promise<PhotoEntry[]> {
  const photos: PhotoEntry[] = [];
  for await (const path of filesUnder(photosDir)) {
    const key = relative(photosDir, path).split(sep).join('/');
    const bytes = await readFile(path);
    const target = join(backupDir, 'photos', key);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(path, target);
    photos.push({ key, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  return photos;
}

/** Keys of photo files already in the store (its tmp/ aside). */
export async function photosPresent(photosDir: string): Promise<number> {
  let count = 0;
  for await (const _ of filesUnder(photosDir)) count += 1;
  return count;
}

export async function checkPhotoCopies(backupDir: string, photos: PhotoEntry[]): Promise<void> {
  for (const photo of photos) {
    const path = join(backupDir, 'photos', photo.key);
    const sha = await sha256OfFile(path).catch(() => 'missing');
    if (sha !== photo.sha256) {
      throw new BackupError(
        `Ảnh ${photo.key} trong bản sao lưu bị hỏng hoặc thiếu (không khớp manifest.json).`,
      );
    }
  }
}

export async function copyPhotosIn(
  backupDir: string,
  photosDir: string,
  photos: PhotoEntry[],
): Promise<void> {
  for (const photo of photos) {
    if (photo.key.split('/').some((part) => part === '..' || part === '')) {
      throw new BackupError(`Khoá ảnh không hợp lệ trong manifest.json: ${photo.key}`);
    }
    const target = join(photosDir, ...photo.key.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await copyFile(join(backupDir, 'photos', photo.key), target);
  }
}
