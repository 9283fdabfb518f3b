/**
 * Evidence sent through the OA chat instead of the mini app: a photo the Zalo layer downloaded goes
 * through the same upload pipeline (same checks, storage and flags), and a location shared afterwards
 * is attached to the team's latest photo still without one, with its location flags worked out again.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type EvidenceFlagCode,
  type EvidenceFlags,
  type EvidenceItem,
  evidenceFlagLabels,
} from '@loa/shared';
import type { FastifyBaseLogger } from 'fastify';
import { recordAudit } from '../audit/audit.js';
import { AppError } from '../errors.js';
import type { Db, Queryable } from '../plugins/db.js';
import type { ZaloServices } from '../zalo/services.js';
import { distanceM } from './flags.js';
import { lockLatestWithoutLocation, setEvidenceLocation, type WaitingForLocation } from './location-sql.js';
import { findEvidence, findUploadTarget } from './sql.js';
import type { PhotoStorage } from './storage.js';
import { uploadPhoto } from './upload-service.js';

export interface ChatEvidence {
  /**
   * A photo file under DATA_DIR becomes evidence of the team's assignment, under `evidenceId`: when
   * that evidence exists already (the same message handled again after a crash) it is the answer.
   */
  uploadFile(input: {
    wardId: string;
    memberId: string;
    unitId: string;
    assignmentId: string;
    path: string;
    evidenceId: string;
  }): Promise<EvidenceItem>;
  /** Inside the caller's ward transaction; undefined when no photo of the team waits for a location. */
  attachLocation(
    db: Queryable,
    input: { wardId: string; memberId: string; unitId: string; lat: number; lng: number },
  ): Promise<{ evidenceId: string; taskTitle: string; flags: EvidenceFlags } | undefined>;
}

/** The flags as a person reads them ("Ngoài địa điểm nhiệm vụ (cách 850 m)"). */
export function describeFlags(flags: EvidenceFlags): string[] {
  return (Object.keys(flags) as EvidenceFlagCode[]).map((code) => {
    const detail = flags[code] as { distanceM?: number } | undefined;
    const label = evidenceFlagLabels[code];
    return detail?.distanceM !== undefined ? `${label} (cách ${detail.distanceM} m)` : label;
  });
}

function locationFlags(row: WaitingForLocation, location: { lat: number; lng: number }): EvidenceFlags {
  const { location_missing: _missing, outside_place: _place, outside_ward: _ward, ...rest } = row.flags;
  const flags: EvidenceFlags = { ...rest };
  if (row.placeLat !== null && row.placeLng !== null && row.placeRadiusM !== null) {
    const distance = Math.round(distanceM(location, { lat: row.placeLat, lng: row.placeLng }));
    if (distance > row.placeRadiusM) flags.outside_place = { distanceM: distance, radiusM: row.placeRadiusM };
  } else if (row.wardLat !== null && row.wardLng !== null && row.wardRadiusM !== null) {
    const distance = Math.round(distanceM(location, { lat: row.wardLat, lng: row.wardLng }));
    if (distance > row.wardRadiusM) flags.outside_ward = { distanceM: distance, radiusM: row.wardRadiusM };
  }
  return flags;
}

export function createChatEvidence(deps: {
  db: Db;
  storage: PhotoStorage;
  zalo: () => ZaloServices | undefined;
  dataDir: string;
  limits: { maxBytes: number; maxPixels: number; duplicateDistance: number };
  log: FastifyBaseLogger;
}): ChatEvidence {
  return {
    async uploadFile(input) {
      const stored = await deps.db.batchInWard(input.wardId, (client) =>
        findEvidence(client, input.evidenceId),
      );
      if (stored) return stored;
      const target = await deps.db.batchInWard(input.wardId, (client) =>
        findUploadTarget(client, input.assignmentId, input.unitId),
      );
      if (!target) throw new AppError('ASSIGNMENT_NOT_FOUND');
      const path = join(deps.dataDir, input.path);
      const { size } = await stat(path);
      const { evidence } = await uploadPhoto(
        { db: deps.db, storage: deps.storage, zalo: deps.zalo(), limits: deps.limits, log: deps.log },
        {
          wardId: input.wardId,
          memberId: input.memberId,
          target,
          stream: createReadStream(path),
          memory: Buffer.allocUnsafe(Math.max(1, Math.min(size, deps.limits.maxBytes))),
          zaloAccessToken: undefined,
          locationToken: undefined,
          evidenceId: input.evidenceId,
        },
      );
      return evidence;
    },

    async attachLocation(db, input) {
      const row = await lockLatestWithoutLocation(db, input.unitId);
      if (!row) return undefined;
      const location = { lat: input.lat, lng: input.lng };
      const flags = locationFlags(row, location);
      await setEvidenceLocation(db, row.id, location, flags);
      await recordAudit(db, {
        wardId: input.wardId,
        actorMemberId: input.memberId,
        action: 'evidence.location',
        entity: 'evidence',
        entityId: row.id,
        before: { flags: row.flags },
        after: { lat: input.lat, lng: input.lng, source: 'zalo', flags },
      });
      return { evidenceId: row.id, taskTitle: row.taskTitle, flags };
    },
  };
}
