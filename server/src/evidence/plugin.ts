/**
 * The evidence feature: photo storage (local disk under DATA_DIR/photos), the upload pipeline, the
 * review queue. Encapsulated: multipart parsing exists only inside it.
 */
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { type ChatEvidence, createChatEvidence } from './chat-evidence.js';
import { DisplayCopies } from './display-copies.js';
import reviewRoutes from './review-routes.js';
import evidenceRoutes from './routes.js';
import { LocalDiskStorage, type PhotoStorage } from './storage.js';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * The stripped display copies of stored photos, rendered on first use. Other features (the
     * report's photo annex) read photos through this, never the originals with their metadata.
     */
    displayCopies: DisplayCopies;
    /** Evidence sent through the OA chat (the conversations feature uses it). */
    chatEvidence: ChatEvidence;
    /** The photo store itself, for other features' images (a post's image, sent to the groups). */
    photoStorage: PhotoStorage;
  }
}

async function evidencePlugin(app: FastifyInstance) {
  const storage = await openStorage(app);
  const displayCopies = new DisplayCopies(storage, app.config.photoMaxPixels);
  app.decorate('displayCopies', displayCopies);
  app.decorate('photoStorage', storage);
  app.decorate(
    'chatEvidence',
    createChatEvidence({
      db: app.db,
      storage,
      zalo: () => app.zalo,
      dataDir: app.config.dataDir,
      limits: {
        maxBytes: app.config.photoMaxBytes,
        maxPixels: app.config.photoMaxPixels,
        duplicateDistance: app.config.photoDuplicateDistance,
      },
      log: app.log.child({ component: 'chat-evidence' }),
    }),
  );
  await app.register(evidenceRoutes, { storage, displayCopies });
  await app.register(reviewRoutes);
}

// Not encapsulated, so `displayCopies` and `chatEvidence` reach the other features; its routes stay
// in child contexts.
// Its routes authenticate (auth), queue review results (notifier) and exchange location tokens (zalo).
export default fp(evidencePlugin, { name: 'evidence', dependencies: ['db', 'auth', 'notifier', 'zalo'] });

/**
 * Local disk by default; an S3-compatible store when configured. A store that cannot be reached does
 * not stop the server (campaigns and broadcasts go on): /health says so, in Vietnamese, until it can.
 */
async function openStorage(app: FastifyInstance): Promise<PhotoStorage> {
  if (!app.config.s3) {
    const local = new LocalDiskStorage(join(app.config.dataDir, 'photos'));
    const swept = await local.init();
    if (swept) app.log.info({ swept }, 'removed temp files of interrupted uploads');
    return local;
  }
  // Loaded only when configured: the AWS SDK costs start-up time a local-disk server need not pay.
  const { S3Storage } = await import('./s3-storage.js');
  const { bucket } = app.config.s3;
  const s3 = new S3Storage(app.config.s3, (error, key) =>
    app.log.error({ err: error, bucket, key }, 'photo store call failed'),
  );
  // At start a write and a read; afterwards /health only reads, so polling it writes nothing.
  let written = false;
  const probe = async () => {
    try {
      if (written) await s3.getIfExists(S3Storage.CHECK_KEY);
      else await s3.check();
      written = true;
      return { ok: true };
    } catch (error) {
      const cause = (error as { cause?: unknown }).cause ?? error;
      const reason = cause instanceof Error ? cause.message : String(cause);
      return {
        ok: false,
        critical: false,
        message: `Không ghi được ảnh vào kho S3 (${reason}). Kiểm tra S3_ENDPOINT, S3_BUCKET và khóa truy cập.`,
      };
    }
  };
  const first = await probe();
  if (!first.ok) app.log.error({ bucket }, first.message as string);
  app.healthChecks.set('photoStorage', probe);
  return s3;
}
