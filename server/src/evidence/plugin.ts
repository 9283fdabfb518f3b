/**
 * The evidence feature: photo storage (local disk under DATA_DIR/photos), the upload pipeline, the
 * review queue. Encapsulated: multipart parsing exists only inside it.
 */
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import reviewRoutes from './review-routes.js';
import evidenceRoutes from './routes.js';
import { LocalDiskStorage } from './storage.js';

export default async function evidencePlugin(app: FastifyInstance) {
  // Every upload is a new file: libvips' operation cache would only hold memory. Uploads run side by
  // side, so each image gets one libvips thread rather than competing threads per image.
  sharp.cache(false);
  sharp.concurrency(1);
  const storage = new LocalDiskStorage(join(app.config.dataDir, 'photos'));
  const swept = await storage.init();
  if (swept) app.log.info({ swept }, 'removed temp files of interrupted uploads');
  await app.register(evidenceRoutes, { storage });
  await app.register(reviewRoutes);
}
