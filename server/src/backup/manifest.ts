/**
 * The backup folder's table of contents. Restore trusts nothing it does not check against this file:
 * each table file and each photo carries its sha256, so a damaged or incomplete copy is refused before
 * anything in the target is touched.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const BACKUP_FORMAT = 'loa-phuong-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface TableEntry {
  name: string;
  /** gzip'd JSON lines, one `row_to_json` per row, under `database/`. */
  file: string;
  rows: number;
  /** sha256 of the uncompressed lines. */
  sha256: string;
  /** Columns written (generated columns are left out: the target computes them). */
  columns: string[];
}

export interface SequenceEntry {
  name: string;
  /** null when the sequence was never used. */
  lastValue: string | null;
}

export interface PhotoEntry {
  /** Storage key, e.g. `<ward>/<sha[0..2]>/<sha>/original.jpg`; the file is `photos/<key>`. */
  key: string;
  bytes: number;
  sha256: string;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  /** The schema the rows belong to: restore applies exactly these migrations before loading. */
  migrations: { id: number; name: string; checksum: string }[];
  tables: TableEntry[];
  sequences: SequenceEntry[];
  photoStorage: 'local' | 's3';
  photos: PhotoEntry[];
}

export const MANIFEST_FILE = 'manifest.json';

export async function writeManifest(dir: string, manifest: BackupManifest): Promise<void> {
  await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

export async function readManifest(dir: string): Promise<BackupManifest> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    throw new BackupError(
      `Không thấy ${MANIFEST_FILE} trong ${dir}: đây không phải thư mục sao lưu của Loa Phường.`,
    );
  }
  const manifest = JSON.parse(text) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT || manifest.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `${MANIFEST_FILE} không phải bản sao lưu Loa Phường định dạng ${BACKUP_FORMAT_VERSION} (định dạng: ${manifest.format} ${manifest.formatVersion}).`,
    );
  }
  return manifest;
}

/** A refusal the command prints as is (Vietnamese, says what to do) and exits non-zero. */
export class BackupError extends Error {}
