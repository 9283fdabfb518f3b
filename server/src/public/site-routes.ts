/**
 * The ward's public website part: `/w/:slug` (the sent posts, newest first, with images), one page per
 * post, the Atom feed and the posts' images. Anyone may read them; they show only what was SENT (the
 * same queries as the mini app's public API). Unknown ward, unsent or unknown post: a 404 page in
 * Vietnamese. Pages may be cached for 5 minutes, and answer 304 to a portal polling the feed.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { routeGroup } from '../http/access.js';
import { postImageKey } from '../posts/images.js';
import { atomFeed } from './atom.js';
import { sentPost, sentPostImage, sentPostsPage, wardBySlug, wardPagePath } from './sent-posts.js';
import { notFoundHtml, postPageHtml, SITE_CSS, wardPageHtml } from './site-html.js';

const PAGE_CACHE = 'public, max-age=300';
const MISSING_CACHE = 'public, max-age=60';
const FEED_LIMIT = 50;

// Strings, not patterns: a malformed slug or id gets the same Vietnamese 404 page as an unknown one.
const SlugParams = Type.Object({ slug: Type.String({ maxLength: 100 }) });
const PostParams = Type.Object({
  slug: Type.String({ maxLength: 100 }),
  id: Type.String({ maxLength: 100 }),
});
const PageQuery = Type.Object({ before: Type.Optional(Type.String({ maxLength: 40 })) });
const NOT_MODIFIED = Type.Null({ description: 'Không đổi từ lần trước (If-Modified-Since)' });
const html = (description: string) => ({
  description,
  content: { 'text/html': { schema: Type.String() } },
});

/** 304 when the client already has this version (seconds, as HTTP dates are). */
function notModified(request: FastifyRequest, reply: FastifyReply, lastModified: Date): boolean {
  const seconds = Math.floor(lastModified.getTime() / 1000) * 1000;
  reply.header('last-modified', new Date(seconds).toUTCString());
  const since = Date.parse(request.headers['if-modified-since'] ?? '');
  return Number.isFinite(since) && since >= seconds;
}

const latest = (dates: Date[]) => new Date(Math.max(...dates.map((d) => d.getTime())));

const siteRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const baseUrl = app.config.publicUrl;
  const miniAppLinkBase = app.config.miniAppLinkBase;

  const missing = (reply: FastifyReply, message: string, back?: { href: string; label: string }) =>
    reply
      .code(404)
      .header('cache-control', MISSING_CACHE)
      .type('text/html; charset=utf-8')
      .send(notFoundHtml(message, back));
  const noWard = (reply: FastifyReply) =>
    missing(reply, 'Không có phường/xã nào ở địa chỉ này. Kiểm tra lại đường dẫn (ví dụ /w/dau-giay).');

  await app.register(
    routeGroup('public', async (app) => {
      app.get(
        '/w/site.css',
        {
          config: { op: 'site.css' },
          schema: {
            tags: ['website'],
            response: { 200: { description: 'CSS', content: { 'text/css': { schema: Type.String() } } } },
          },
        },
        async (_request, reply) =>
          reply
            .header('cache-control', 'public, max-age=86400')
            .type('text/css; charset=utf-8')
            .send(SITE_CSS),
      );

      app.get(
        '/w/:slug',
        {
          config: { op: 'site.ward' },
          schema: {
            tags: ['website'],
            params: SlugParams,
            querystring: PageQuery,
            response: { 200: html('Trang HTML'), 304: NOT_MODIFIED, 404: html('Trang 404 tiếng Việt') },
          },
        },
        async (request, reply) => {
          const ward = await wardBySlug(app.db, request.params.slug);
          if (!ward) return noWard(reply);
          const before = request.query.before ? new Date(request.query.before) : undefined;
          const page = await sentPostsPage(
            app.db,
            ward,
            before && Number.isFinite(before.getTime()) ? before : undefined,
          );
          const olderHref = page.nextBefore
            ? `${wardPagePath(ward.slug)}?before=${encodeURIComponent(page.nextBefore)}`
            : null;
          reply.header('cache-control', PAGE_CACHE);
          const changed = latest([ward.createdAt, ...page.posts.map((p) => new Date(p.updatedAt))]);
          if (notModified(request, reply, changed)) return reply.code(304).send(null);
          return reply
            .type('text/html; charset=utf-8')
            .send(wardPageHtml(ward, page.posts, baseUrl, olderHref));
        },
      );

      app.get(
        '/w/:slug/feed.atom',
        {
          config: { op: 'site.feed' },
          schema: {
            tags: ['website'],
            params: SlugParams,
            response: {
              200: {
                description: 'Atom 1.0',
                content: { 'application/atom+xml': { schema: Type.String() } },
              },
              304: NOT_MODIFIED,
              404: html('Trang 404 tiếng Việt'),
            },
          },
        },
        async (request, reply) => {
          const ward = await wardBySlug(app.db, request.params.slug);
          if (!ward) return noWard(reply);
          const { posts } = await sentPostsPage(app.db, ward, undefined, FEED_LIMIT);
          reply.header('cache-control', PAGE_CACHE);
          const changed = latest([ward.createdAt, ...posts.map((p) => new Date(p.updatedAt))]);
          if (notModified(request, reply, changed)) return reply.code(304).send(null);
          return reply.type('application/atom+xml; charset=utf-8').send(atomFeed(ward, posts, baseUrl));
        },
      );

      app.get(
        '/w/:slug/posts/:id',
        {
          config: { op: 'site.post' },
          schema: {
            tags: ['website'],
            params: PostParams,
            response: { 200: html('Trang HTML'), 404: html('Trang 404 tiếng Việt') },
          },
        },
        async (request, reply) => {
          const ward = await wardBySlug(app.db, request.params.slug);
          if (!ward) return noWard(reply);
          const post = await sentPost(app.db, ward, request.params.id);
          if (!post)
            return missing(reply, 'Bài này không có, chưa được gửi hoặc đã được gỡ.', {
              href: wardPagePath(ward.slug),
              label: `Xem các tin đã gửi của ${ward.name}`,
            });
          const openInZalo = `${miniAppLinkBase}/?ward=${encodeURIComponent(ward.slug)}&post=${post.id}`;
          reply.header('cache-control', PAGE_CACHE);
          return reply.type('text/html; charset=utf-8').send(postPageHtml(ward, post, baseUrl, openInZalo));
        },
      );

      app.get(
        '/w/:slug/posts/:id/image',
        {
          config: { op: 'site.image' },
          schema: {
            tags: ['website'],
            params: PostParams,
            querystring: Type.Object({ v: Type.Optional(Type.String({ maxLength: 64 })) }),
            response: {
              200: Type.Any({ description: 'image/jpeg' }),
              404: html('Trang 404 tiếng Việt'),
            },
          },
        },
        async (request, reply) => {
          const ward = await wardBySlug(app.db, request.params.slug);
          if (!ward) return noWard(reply);
          const sha256 = await sentPostImage(app.db, ward, request.params.id);
          if (!sha256) return missing(reply, 'Bài này không có ảnh, hoặc chưa được gửi.');
          // The JPEG the groups received: upright, resized, without metadata (posts/images.ts).
          const bytes = await app.photoStorage.get(postImageKey(ward.id, sha256));
          return reply.header('cache-control', 'public, max-age=86400').type('image/jpeg').send(bytes);
        },
      );
    }),
  );
};

export default siteRoutes;
