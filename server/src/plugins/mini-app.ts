/**
 * Serves the built mini app at `/`, so a desktop browser at http://localhost:3000 gets the same app
 * that runs inside Zalo. Hashed assets are cached for a year; the page and the service worker never are.
 *
 * On a slow phone link every round trip costs seconds, so the first visit is cut to as few as
 * possible: files go out brotli- or gzip-compressed as the build wrote them, and the page `/` carries
 * the first screen's data (Trang chủ's answer for the ward the link names) in a JSON block, so the app
 * paints Trang chủ without asking the server again (first-screen-page.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { firstScreenPage } from './first-screen-page.js';

export const MINI_APP_DIST = new URL('../../../mini-app/dist/', import.meta.url).pathname;

/** Files whose names carry their content's hash: a new build gives them new names. */
const HASHED = /\/assets\//;

export default async function miniAppPlugin(app: FastifyInstance, options: { root?: string }) {
  const root = options.root ?? MINI_APP_DIST;
  if (!existsSync(join(root, 'index.html'))) {
    app.get('/', { config: { op: 'mini-app.missing' } }, async (_request, reply) =>
      reply
        .status(503)
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><meta charset="utf-8"><p>Mini app chưa được dựng. Chạy <code>npm run build</code> rồi tải lại trang.</p>',
        ),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    // `/` is the page with the first screen's data (below); `/index.html` stays the bare page, which is
    // what the service worker keeps, so no ward's data is ever stored as the app's shell.
    index: false,
    preCompressed: true,
    globIgnore: ['**/*.br', '**/*.gz'],
    setHeaders(res, path) {
      // sw.js above all must never be kept: a browser would run an old build's worker for a year.
      res.header('cache-control', HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  await app.register(firstScreenPage, { root });
}
