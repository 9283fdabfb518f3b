/**
 * One photo upload from stream to rows. The body is checked in memory; files are written only for a
 * checked photo (each atomically), rows in one transaction after the files exist. An identical file
 * already stored in the ward (same sha256) is reused without decoding it again.
 */
import { randomUUID } from 'node:crypto';
import type { EvidenceItem } from '@loa/shared';
import type { FastifyBaseLogger } from 'fastify';
import { recordAudit } from '../audit/audit.js';
import type { Db } from '../plugins/db.js';
import { submitForReview } from '../tasks/assignment-status.js';
import type { ZaloServices } from '../zalo/services.js';
import { computeFlags } from './flags.js';
import { type CheckedPhoto, checkAndThumbnail } from './images.js';
import {
  extensionOf,
  type PhotoExif,
  type ReceivedPhoto,
  readExif,
  receivePhoto,
  sniff,
} from './pipeline.js';
import {
  findEvidence,
  findNearDuplicate,
  findPhotoFile,
  insertPhotoEvidence,
  insertPhotoFile,
  type PhotoFileRow,
  type UploadTarget,
} from './sql.js';
import { type PhotoStorage, photoKeys } from './storage.js';

export interface UploadDeps {
  db: Db;
  storage: PhotoStorage;
  zalo: ZaloServices | undefined;
  limits: { maxBytes: number; maxPixels: number; duplicateDistance: number };
  log: FastifyBaseLogger;
}

export interface UploadInput {
  wardId: string;
  memberId: string | undefined;
  target: UploadTarget;
  stream: NodeJS.ReadableStream & { truncated?: boolean };
  /** Where the body is received; lent by `UploadMemory` and reused once the upload returns. */
  memory: Buffer;
  /** Told as body data arrives, and once the body is complete (see ReceiveTurns). */
  onProgress?: (bytes: number) => Promise<void> | undefined | void;
  onReceived?: () => void;
  zaloAccessToken: string | undefined;
  locationToken: string | undefined;
  /** The evidence row's id when the caller chose it (to make a retried upload find its first try). */
  evidenceId?: string;
}

type Location = { lat: number; lng: number; source: 'zalo' | 'exif' };

export async function uploadPhoto(
  deps: UploadDeps,
  input: UploadInput,
): Promise<{ evidence: EvidenceItem; reusedFile: boolean }> {
  const { db, limits } = deps;
  const received = await receivePhoto(input.stream, limits.maxBytes, input.memory, input.onProgress);
  input.onReceived?.();
  const mime = sniff(received.body);
  const existing = await db.batchInWard(input.wardId, (client) => findPhotoFile(client, received.sha256));
  // Both settle before anything is thrown: the body's memory is reused once this upload returns.
  const [checking, exif] = await Promise.allSettled([
    existing ? undefined : checkAndThumbnail(received.body, limits.maxPixels),
    readExif(received.body, (error) => deps.log.info({ err: error }, 'unreadable EXIF ignored')),
  ]);
  if (checking.status === 'rejected') throw checking.reason;
  if (exif.status === 'rejected') throw exif.reason;
  const checked = checking.value;
  const file = existing ?? (await storeNewFile(deps, input.wardId, mime, received, checked!));
  const location = await resolveLocation(deps, input, exif.value);
  const evidence = await insertRows(deps, input, file, exif.value, location).catch(async (error) => {
    if (!existing) await removeUnreferenced(deps, input.wardId, file);
    throw error;
  });
  return { evidence, reusedFile: Boolean(existing) };
}

async function storeNewFile(
  deps: UploadDeps,
  wardId: string,
  mime: ReturnType<typeof sniff>,
  received: ReceivedPhoto,
  derived: CheckedPhoto,
): Promise<PhotoFileRow> {
  const keys = photoKeys(wardId, received.sha256, extensionOf[mime]);
  await deps.storage.putBuffer(keys.thumb, derived.thumb);
  // The original last: its key existing means the thumbnail exists too. The display copy is
  // rendered from it on first view (images.ts says why).
  await deps.storage.putBuffer(keys.original, received.body);
  return {
    wardId,
    sha256: received.sha256,
    originalKey: keys.original,
    displayKey: keys.display,
    thumbKey: keys.thumb,
    mime,
    bytes: received.bytes,
    width: derived.width,
    height: derived.height,
    phash: derived.phash,
  };
}

/** The mini app's location token (exchanged with Zalo) wins; else EXIF GPS; else none. */
async function resolveLocation(
  deps: UploadDeps,
  input: UploadInput,
  exif: PhotoExif,
): Promise<Location | undefined> {
  if (deps.zalo && input.zaloAccessToken && input.locationToken) {
    try {
      const { latitude, longitude } = await deps.zalo.graph.getLocation(
        input.zaloAccessToken,
        input.locationToken,
      );
      return { lat: latitude, lng: longitude, source: 'zalo' };
    } catch (error) {
      // The token is single-use and lives 2 minutes: a photo retried from the offline queue often
      // arrives with a dead one. EXIF GPS (or the location_missing flag) takes over.
      deps.log.info({ err: error }, 'location token not exchanged; falling back to EXIF');
    }
  }
  if (exif.lat !== undefined && exif.lng !== undefined)
    return { lat: exif.lat, lng: exif.lng, source: 'exif' };
  return undefined;
}

/**
 * Two round trips: the near-duplicate lookup (the flags need it), then every write and the read-back
 * in one batch. The evidence id is chosen here so the read-back can go in the same batch. Two photos
 * uploaded at the same moment cannot see each other either way: neither is committed yet.
 */
async function insertRows(
  deps: UploadDeps,
  input: UploadInput,
  file: PhotoFileRow,
  exif: PhotoExif,
  location: Location | undefined,
): Promise<EvidenceItem> {
  const { target } = input;
  const duplicate = await deps.db.batchInWard(input.wardId, (client) =>
    findNearDuplicate(client, file.phash, deps.limits.duplicateDistance),
  );
  const flags = computeFlags({
    location,
    takenAt: exif.takenAt,
    place: circle(target.placeLat, target.placeLng, target.placeRadiusM),
    ward: circle(target.wardLat, target.wardLng, target.wardRadiusM),
    // Banners go up the day before the campaign starts.
    window: {
      startsOn: target.startsOn,
      endsOn: target.endsOn,
      slackDaysBefore: target.taskKind === 'hang_banner' ? 1 : 0,
    },
    nearDuplicate: duplicate,
  });
  const id = input.evidenceId ?? randomUUID();
  const [, , , evidence] = await deps.db.batchInWard(input.wardId, (client) =>
    Promise.all([
      insertPhotoFile(client, file),
      insertPhotoEvidence(client, {
        id,
        wardId: input.wardId,
        assignmentId: target.assignmentId,
        sha256: file.sha256,
        takenAt: exif.takenAt,
        lat: location?.lat,
        lng: location?.lng,
        locationSource: location?.source,
        flags,
        uploadedBy: input.memberId,
      }),
      submitForReview(client, target.assignmentId, input.memberId),
      findEvidence(client, id),
      // Who sent which photo, in the same batch (no extra round trip) and so the same transaction.
      recordAudit(client, {
        wardId: input.wardId,
        actorMemberId: input.memberId,
        action: 'evidence.upload',
        entity: 'evidence',
        entityId: id,
        after: { assignmentId: target.assignmentId, sha256: file.sha256, flags },
      }),
    ]),
  );
  if (!evidence) throw new Error(`evidence ${id} vanished after insert`);
  return evidence;
}

function circle(lat: number | null, lng: number | null, radiusM: number | null) {
  return lat !== null && lng !== null && radiusM !== null ? { lat, lng, radiusM } : undefined;
}

/** After a failed transaction: drop files no row points to (another upload may have committed them). */
async function removeUnreferenced(deps: UploadDeps, wardId: string, file: PhotoFileRow): Promise<void> {
  try {
    const row = await deps.db.batchInWard(wardId, (client) => findPhotoFile(client, file.sha256));
    if (row) return;
    await Promise.all(
      [file.originalKey, file.displayKey, file.thumbKey].map((key) => deps.storage.remove(key)),
    );
  } catch (error) {
    deps.log.error({ err: error, sha256: file.sha256 }, 'could not remove files of a failed upload');
  }
}
