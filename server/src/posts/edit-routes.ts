/**
 * What a post needs besides its text: the exact preview the server would send, a leader sending it back
 * with a reason, its image (upload, then shown with the session), and the ward's loudspeaker slots.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  IdParams,
  LoudspeakerSlots,
  Post,
  PostImage,
  PostPreview,
  PostPreviewInput,
  SendBackInput,
} from '@loa/shared';
import { Type } from '@sinclair/typebox';
import { AppError } from '../errors.js';
import { routeGroup } from '../http/access.js';
import { REQUEST_BODY } from '../http/request-bodies.js';
import { POST_IMAGE_MAX_UPLOAD_BYTES, postImageKey, savePostImage } from './images.js';
import { findPostImage } from './images-sql.js';
import * as loudspeakerSlots from './loudspeaker-slots.js';
import * as service from './service.js';

const postEditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const linkBase = app.config.miniAppLinkBase;
  const tags = ['posts'];

  await app.register(
    routeGroup('office', async (app) => {
      app.post(
        '/api/posts/preview',
        {
          config: { op: 'posts.preview' },
          schema: { tags, body: PostPreviewInput, response: { 200: PostPreview } },
        },
        async (request) =>
          app.db.withWard(request.session.wardId, (db) =>
            service.previewOf(db, request.session.wardId, request.body, linkBase),
          ),
      );

      app.get(
        '/api/posts/:id/image',
        {
          config: { op: 'posts.image' },
          schema: { tags, params: IdParams, response: { 200: Type.Any({ description: 'image/jpeg' }) } },
        },
        async (request, reply) => {
          const image = await app.db.withWard(request.session.wardId, (db) =>
            findPostImage(db, request.params.id),
          );
          if (!image)
            throw new AppError(
              'NOT_FOUND',
              'Không tìm thấy ảnh của bài đăng này (bài không có ảnh, hoặc không có bài).',
            );
          const bytes = await app.photoStorage.get(postImageKey(image.wardId, image.sha256));
          return reply
            .type('image/jpeg')
            .header('cache-control', 'private, max-age=86400, immutable')
            .send(bytes);
        },
      );

      app.get(
        '/api/loudspeaker/slots',
        {
          config: { op: 'loudspeaker.slots' },
          schema: { tags, response: { 200: LoudspeakerSlots } },
        },
        async (request) => ({
          timesOfDay: await app.db.withWard(request.session.wardId, (db) => loudspeakerSlots.findSlots(db)),
        }),
      );
    }),
  );

  await app.register(
    routeGroup('officeWriters', async (app) => {
      // The image arrives as the request body itself (what `fetch(url, { body: file })` sends), any type:
      // its bytes decide whether it is an image, never the declared type.
      app.addContentTypeParser(
        '*',
        { parseAs: 'buffer', bodyLimit: POST_IMAGE_MAX_UPLOAD_BYTES * 2 },
        (_request, body, done) => done(null, body),
      );
      app.post(
        '/api/post-images',
        {
          config: { op: 'posts.imageUpload' },
          bodyLimit: POST_IMAGE_MAX_UPLOAD_BYTES * 2,
          schema: {
            tags,
            // Any declared type: the bytes decide (see the parser above).
            [REQUEST_BODY]: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
            response: { 201: PostImage },
          },
        },
        async (request, reply) => {
          const body = request.body;
          if (!Buffer.isBuffer(body))
            throw new AppError(
              'PHOTO_NOT_IMAGE',
              'Tệp gửi lên không phải ảnh. Hãy chọn ảnh JPEG, PNG hoặc WebP để đính kèm bài đăng.',
            );
          const image = await app.db.withWard(request.session.wardId, (db) =>
            savePostImage(db, app.photoStorage, request.session, body, app.config.photoMaxPixels),
          );
          return reply.code(201).send(image);
        },
      );

      app.put(
        '/api/loudspeaker/slots',
        {
          config: { op: 'loudspeaker.setSlots' },
          schema: { tags, body: LoudspeakerSlots, response: { 200: LoudspeakerSlots } },
        },
        async (request) => ({
          timesOfDay: await app.db.withWard(request.session.wardId, (db) =>
            loudspeakerSlots.setSlots(db, request.session, request.body.timesOfDay),
          ),
        }),
      );
    }),
  );

  await app.register(
    routeGroup('leaders', async (app) => {
      app.post(
        '/api/posts/:id/send-back',
        {
          config: { op: 'posts.sendBack' },
          schema: { tags, params: IdParams, body: SendBackInput, response: { 200: Post } },
        },
        async (request) =>
          app.db.withWard(request.session.wardId, (db) =>
            service.sendBack(db, request.session, request.params.id, request.body, linkBase),
          ),
      );
    }),
  );
};

export default postEditRoutes;
