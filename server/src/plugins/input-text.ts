/**
 * Refuses a NUL character (U+0000) anywhere in a request's JSON body, query or path before the route
 * runs: PostgreSQL text and jsonb cannot hold it, so it would otherwise fail deep inside a feature
 * (the fuzz test found `POST /api/ward/units` answering 500 to a name of "\u0000"). No person types
 * it; a client that sends it has a bug, and the answer says which field.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.js';

/** The path of the first string holding a NUL (in a key or a value), or undefined. */
export function findNul(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (value === null || typeof value !== 'object' || depth > 64) return undefined;
  if (Buffer.isBuffer(value)) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const at = Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`;
    if (key.includes('\u0000')) return at;
    const found = findNul(inner, at, depth + 1);
    if (found) return found;
  }
  return undefined;
}

const WHERE: Record<string, string> = { body: 'nội dung', query: 'tham số truy vấn', params: 'đường dẫn' };

export default fp(
  async function inputTextPlugin(app: FastifyInstance) {
    app.addHook('preValidation', async (request) => {
      for (const part of ['params', 'query', 'body'] as const) {
        const found = findNul(request[part], WHERE[part]!);
        if (found) {
          throw new AppError(
            'VALIDATION_FAILED',
            `Dữ liệu chưa hợp lệ: “${found}” có ký tự NUL (\\u0000), ký tự không được phép. Hãy xoá ký tự đó rồi gửi lại.`,
          );
        }
      }
    });
  },
  { name: 'input-text', dependencies: ['errors'] },
);
