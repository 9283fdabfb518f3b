/**
 * Photo evidence: a team uploads a photo to its assignment; the team and the ward's staff list and view
 * them. Photos are only served through these authenticated routes, and only their stripped copies.
 */
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ErrorBody,
  EvidenceListQuery,
  EvidenceListReply,
  EvidenceUploadReply,
  IdParams,
  isTeamRole,
  PhotoQuery,
} from '@loa/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { routeGroup } from '../http/access.js';
import { REQUEST_BODY } from '../http/request-bodies.js';
import type { Session } from '../plugins/auth.js';
import type { DisplayCopies } from './display-copies.js';
import { type ReceiveTurn, ReceiveTurns } from './receive-turns.js';
import { findPhotoAccess, findUploadTarget, listEvidence, type UploadTarget } from './sql.js';
import type { PhotoStorage } from './storage.js';
import { UploadGuard } from './upload-guard.js';
import { type ArrivingLease, UploadMemory } from './upload-memory.js';
import { uploadPhoto } from './upload-service.js';

/**
 * Upload bodies held in memory at once (UPLOAD_MEMORY_MB, 128 by default): about a hundred phone photos,
 * or eight at the 15 MB limit; with the decoders' working memory this keeps the server well under
 * 512 MB while uploads pour in. Counted as the bytes arrive (upload-memory.ts says why).
 */
/**
 * Bodies read at full speed at once (receive-turns.ts says why). Measured with `npm run bench:photos`
 * (50 uploads at once): 2 turns → event-loop delay p99 26–31 ms; 4 → 42–53 ms; unlimited → 48–61 ms,
 * at the same photos per second.
 */
const RECEIVE_TURNS = 2;

/** The upload's form as /docs states it (the route reads the parts itself, see receiveAndStore). */
const EVIDENCE_UPLOAD_FORM = {
  type: 'object',
  required: ['photo'],
  properties: {
    accessToken: { type: 'string', description: 'Token Zalo của người dùng (thay cho header), trước ảnh' },
    locationToken: {
      type: 'string',
      description: 'Token vị trí của getLocation (thay cho header), trước ảnh',
    },
    photo: { type: 'string', format: 'binary', description: 'Một ảnh JPEG, PNG, WebP hoặc HEIC/HEIF' },
  },
};

/** A team member sees their own team's assignments only; staff see the ward's (RLS does the ward). */
export function teamScope(session: Session): string | null {
  if (!isTeamRole(session.role)) return null;
  if (!session.unitId) throw new AppError('FORBIDDEN');
  return session.unitId;
}

/**
 * The multipart parser's own refusals of a broken form (no boundary, a boundary the body does not use,
 * part headers cut off or not in CRLF lines) are plain errors: answered as a 400 that says to send
 * again, not a 500. Its limits (too many parts, too large) carry a 4xx of their own and pass.
 */
function malformedForm(error: unknown): never {
  const status = (error as { statusCode?: number }).statusCode;
  if (error instanceof AppError || (status !== undefined && status < 500)) throw error;
  throw new AppError('UPLOAD_MALFORMED');
}

const evidenceRoutes: FastifyPluginAsyncTypebox<{
  storage: PhotoStorage;
  displayCopies: DisplayCopies;
}> = async (app, { storage, displayCopies }) => {
  const { photoMaxBytes, photoMaxPixels, photoDuplicateDistance } = app.config;
  const { upload: uploadLimits } = app.config;
  const uploadMemory = new UploadMemory(Math.max(uploadLimits.memoryBytes, photoMaxBytes));
  /** Uploads being received per member: one person's phone cannot take every slot. */
  const inFlight = new Map<string, number>();
  const receiveTurns = new ReceiveTurns(RECEIVE_TURNS);
  await app.register(multipart, {
    limits: { fileSize: photoMaxBytes, files: 1, fields: 10, fieldSize: 8 * 1024, parts: 12 },
  });
  // Read per request: a test may swap in a fake location exchange (app.zalo.graph) after boot.
  const zalo = () => app.zalo;

  /** Reads the multipart "photo" part (and optional token fields) through the upload pipeline. */
  const receiveAndStore = async (
    request: FastifyRequest,
    target: UploadTarget,
    memory: ArrivingLease,
    turn: ReceiveTurn,
    guard: UploadGuard,
  ) => {
    // The part's headers may trickle too: the guard's deadline covers waiting for them.
    const part = await Promise.race([
      request.file().catch(malformedForm),
      new Promise<never>((_, reject) => {
        if (guard.signal.aborted) reject(guard.signal.reason);
        guard.signal.addEventListener('abort', () => reject(guard.signal.reason), { once: true });
      }),
    ]);
    if (part?.fieldname !== 'photo') throw new AppError('PHOTO_MISSING');
    // Too slow: the read of the body fails with the guard's 408 at once.
    guard.signal.addEventListener('abort', () => part.file.destroy(guard.signal.reason), { once: true });
    const field = (name: string) => {
      const value = part.fields[name];
      return value && !Array.isArray(value) && value.type === 'field' ? String(value.value) : undefined;
    };
    const header = (name: string) => {
      const value = request.headers[name];
      return typeof value === 'string' && value ? value : undefined;
    };
    const limits = {
      maxBytes: photoMaxBytes,
      maxPixels: photoMaxPixels,
      duplicateDistance: photoDuplicateDistance,
    };
    return uploadPhoto(
      { db: app.db, storage, zalo: zalo(), log: request.log, limits },
      {
        wardId: request.session.wardId,
        memberId: request.session.memberId,
        target,
        stream: part.file,
        memory: memory.buffer,
        onProgress: (bytes) => {
          turn.progress(bytes);
          guard.arrived(bytes);
          return memory.arrived(bytes, guard.signal);
        },
        onReceived: () => {
          guard.stop();
          turn.done();
        },
        zaloAccessToken: header('x-zalo-access-token') ?? field('accessToken'),
        locationToken: header('x-zalo-location-token') ?? field('locationToken'),
      },
    );
  };

  await app.register(
    routeGroup('teamWork', async (app) => {
      app.post(
        '/api/assignments/:id/evidence',
        {
          // Per member (the limit runs after the sign-in check): a phone's queue sends a few photos at a time.
          config: {
            op: 'evidence.upload',
            rateLimit: { max: 60, timeWindow: '1 minute', hook: 'preHandler' },
          },
          schema: {
            tags: ['evidence'],
            description:
              'Tùy chọn: header x-zalo-access-token và x-zalo-location-token (token của getLocation) để máy chủ lấy vị trí từ Zalo; nếu không có thì dùng GPS trong EXIF.',
            [REQUEST_BODY]: { 'multipart/form-data': { schema: EVIDENCE_UPLOAD_FORM } },
            params: IdParams,
            response: {
              201: EvidenceUploadReply,
              408: ErrorBody,
              413: ErrorBody,
              415: ErrorBody,
              422: ErrorBody,
              429: ErrorBody,
            },
          },
        },
        async (request, reply) => {
          const scope = teamScope(request.session);
          const target = await app.db.batchInWard(request.session.wardId, (client) =>
            findUploadTarget(client, request.params.id, scope),
          );
          if (!target) throw new AppError('ASSIGNMENT_NOT_FOUND');
          if (!request.isMultipart()) throw new AppError('PHOTO_MISSING');
          const sender = request.session.memberId ?? request.ip;
          const sending = inFlight.get(sender) ?? 0;
          if (sending >= uploadLimits.perMember) {
            reply.header('connection', 'close'); // its body is not read
            throw new AppError('UPLOADS_IN_PROGRESS');
          }
          inFlight.set(sender, sending + 1);
          const guard = new UploadGuard(uploadLimits);
          const lease = uploadMemory.open(
            Math.min(Number(request.headers['content-length']) || photoMaxBytes, photoMaxBytes),
          );
          try {
            const turn = await receiveTurns.take();
            try {
              return reply.status(201).send(await receiveAndStore(request, target, lease, turn, guard));
            } finally {
              turn.done();
            }
          } catch (error) {
            // The rest of a too-slow body is not worth reading: answer, then close the connection.
            if (guard.signal.aborted) reply.header('connection', 'close');
            throw error;
          } finally {
            guard.stop();
            lease.release();
            const left = (inFlight.get(sender) ?? 1) - 1;
            if (left > 0) inFlight.set(sender, left);
            else inFlight.delete(sender);
          }
        },
      );
    }),
  );

  await app.register(
    routeGroup('members', async (app) => {
      app.get(
        '/api/assignments/:id/evidence',
        {
          config: { op: 'evidence.listForAssignment' },
          schema: {
            tags: ['evidence'],
            params: IdParams,
            response: { 200: EvidenceListReply },
          },
        },
        async (request) =>
          app.db.withWard(request.session.wardId, async (client) => {
            const target = await findUploadTarget(client, request.params.id, teamScope(request.session));
            if (!target) throw new AppError('ASSIGNMENT_NOT_FOUND');
            return { items: await listEvidence(client, { assignmentId: target.assignmentId, limit: 200 }) };
          }),
      );

      app.get(
        '/api/evidence/:id/photo',
        {
          config: { op: 'evidence.photo' },
          schema: {
            tags: ['evidence'],
            params: IdParams,
            querystring: PhotoQuery,
            response: { 200: Type.Any({ description: 'image/jpeg' }) },
          },
        },
        async (request, reply) => {
          const access = await app.db.withWard(request.session.wardId, (client) =>
            findPhotoAccess(client, request.params.id),
          );
          const scope = teamScope(request.session);
          // Another team's photo answers like a missing one: its existence is not the asker's business.
          if (!access || (scope !== null && access.unitId !== scope))
            throw new AppError('EVIDENCE_NOT_FOUND');
          const bytes =
            request.query.size === 'display'
              ? await displayCopies.get(access)
              : await storage.get(access.thumbKey);
          return reply
            .type('image/jpeg')
            .header('cache-control', 'private, max-age=86400, immutable')
            .send(bytes);
        },
      );
    }),
  );

  await app.register(
    routeGroup('office', async (app) => {
      app.get(
        '/api/evidence',
        {
          config: { op: 'evidence.list' },
          schema: {
            tags: ['evidence'],
            querystring: EvidenceListQuery,
            response: { 200: EvidenceListReply },
          },
        },
        async (request) => ({
          items: await app.db.withWard(request.session.wardId, (client) =>
            listEvidence(client, request.query),
          ),
        }),
      );
    }),
  );
};

export default evidenceRoutes;
