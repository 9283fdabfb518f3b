/**
 * npm run bench:photos-floor: the rounds of bench:photos against the least a photo upload can do with
 * the product's stack on this machine: Fastify and @fastify/multipart, then the product's own
 * receivePhoto (into reused memory, hashed) and checkAndThumbnail (the decode into the thumbnail and
 * dHash). No sign-in, EXIF, storage or database. Its ratio is the ceiling for bench:photos' ratio
 * here: what the rest of the pipeline costs is the gap between the two.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import multipart from '@fastify/multipart';
import Fastify from 'fastify';
import { checkAndThumbnail } from '../../server/src/evidence/images.js';
import { receivePhoto } from '../../server/src/evidence/pipeline.js';
import { UploadMemory } from '../../server/src/evidence/upload-memory.js';
import { freePort } from './free-port.js';
import { generatePhotos, measureRounds, startClient } from './photo-rounds.js';

const COUNT = Number(process.env.BENCH_PHOTOS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const MAX_BYTES = 15 * 1024 * 1024;
const MAX_PIXELS = 100_000_000;

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'loa-bench-photos-floor-'));
  const files = generatePhotos(join(work, 'input'), COUNT + CONCURRENCY);

  const app = Fastify({ logger: false });
  await app.register(multipart, { limits: { fileSize: MAX_BYTES, files: 1 } });
  const memory = new UploadMemory(128 * 1024 * 1024);
  app.post('/upload', async (request, reply) => {
    const lease = await memory.reserve(Number(request.headers['content-length']) || MAX_BYTES);
    try {
      const part = await request.file();
      if (!part) return reply.status(400).send({ error: 'no file' });
      const { sha256, body } = await receivePhoto(part.file, MAX_BYTES, lease.buffer);
      const checked = await checkAndThumbnail(body, MAX_PIXELS);
      return reply
        .status(201)
        .send({ sha256, width: checked.width, height: checked.height, phash: checked.phash });
    } finally {
      lease.release();
    }
  });
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });

  const client = startClient({
    concurrency: CONCURRENCY,
    targets: [{ url: `http://127.0.0.1:${port}/upload`, token: 'none' }],
  });
  const figures = await measureRounds({
    client,
    warmUp: files.slice(COUNT),
    measured: files.slice(0, COUNT),
    concurrency: CONCURRENCY,
  });
  console.log(JSON.stringify({ bench: 'photos-floor', ...figures }));
  await client.stop();
  await app.close();
  rmSync(work, { recursive: true, force: true });
}

await main();
