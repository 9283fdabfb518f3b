/**
 * `GET /`: the mini app's page with Trang chủ's data already in it. Without it a first visit is a chain
 * of round trips (page → script → the app asks /api/public/campaign → paint); on a 3G link each costs
 * about two seconds. The data is exactly what `GET /api/public/campaign` answers for the ward the link
 * names (`?ward=`), asked of the same route in-process, so the two can never differ. It travels as
 * `<script type="application/json">`, which the browser does not run: the page's strict CSP
 * (script-src 'self') stays as it is. The app reads it in src/lib/first-screen-data.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';

export const FIRST_SCREEN_ELEMENT_ID = 'loa-first-screen';

/** JSON inside <script>: "</script>" or "<!--" in a post's text must not end the block. */
const inScript = (json: string) => json.replace(/</g, '\\u003c');

export async function firstScreenPage(app: FastifyInstance, options: { root: string }) {
  const page = readFileSync(join(options.root, 'index.html'), 'utf8');

  app.get<{ Querystring: { ward?: string } }>(
    '/',
    {
      config: { op: 'mini-app.page' },
      schema: {
        hide: true,
        querystring: { type: 'object', properties: { ward: { type: 'string' } } },
      },
    },
    async (request, reply) => {
      const ward = request.query.ward?.trim() || undefined;
      const answer = await app.inject({
        method: 'GET',
        url: '/api/public/campaign',
        query: ward ? { ward } : {},
      });
      // An unknown ward or a failure: the bare page, and the app asks and shows the message itself.
      const block =
        answer.statusCode === 200
          ? `<script type="application/json" id="${FIRST_SCREEN_ELEMENT_ID}">${inScript(
              JSON.stringify({ ward: ward ?? null, reply: answer.json() }),
            )}</script>`
          : '';
      const html = page.replace('</body>', `${block}</body>`);
      reply.header('cache-control', 'no-cache').header('vary', 'accept-encoding');
      reply.type('text/html; charset=utf-8');
      // Tens of KB of posts at 50 KB/s: compressing (well under a millisecond) saves a second.
      const accepts = String(request.headers['accept-encoding'] ?? '');
      if (/\bbr\b/.test(accepts))
        return reply
          .header('content-encoding', 'br')
          .send(brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }));
      if (/\bgzip\b/.test(accepts)) return reply.header('content-encoding', 'gzip').send(gzipSync(html));
      return reply.send(html);
    },
  );
}
