/** Zalo's answer envelope: HTTP 200 with `error` 0 and `data`, or a non-zero `error` and a message. */
import type { FastifyRequest } from 'fastify';

export const ok = (data: unknown) => ({ error: 0, message: 'Success', data });
export const fail = (error: number, message: string) => ({ error, message });
export const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};
