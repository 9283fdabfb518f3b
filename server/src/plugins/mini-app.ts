/**
 * Serves the built mini app at `/`, so a desktop browser at http://localhost:3000 gets the same app
 * that runs inside Zalo. Hashed assets are cached for a year; index.html never is.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const MINI_APP_DIST = new URL('../../../mini-app/dist/', import.meta.url).pathname;

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
    index: ['index.html'],
    setHeaders(res, path) {
      res.header(
        'cache-control',
        path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
      );
    },
  });
}
