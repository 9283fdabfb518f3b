/**
 * Request bodies that are not JSON (a multipart photo, raw image bytes) have no `schema.body`: Fastify
 * would validate the parsed body against it, and these routes read their body as a stream or a buffer
 * themselves. So a route states what it takes under `x-request-body` (OpenAPI's `content` map), and
 * the document moves it to the operation's `requestBody`, where clients (and the fuzz test) read it.
 */
export const REQUEST_BODY = 'x-request-body';

type Operations = Record<string, Record<string, Record<string, unknown>>>;

/** swagger's `transformObject`: every `x-request-body` becomes the operation's `requestBody`. */
export function moveRequestBodies<Document extends { paths?: unknown }>(document: Document): Document {
  for (const item of Object.values((document.paths ?? {}) as Operations)) {
    for (const operation of Object.values(item)) {
      const content = operation[REQUEST_BODY];
      if (!content) continue;
      operation.requestBody = { required: true, content };
      delete operation[REQUEST_BODY];
    }
  }
  return document;
}
