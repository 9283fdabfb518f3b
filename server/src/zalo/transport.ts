/**
 * How the client reaches Zalo: over HTTP (live, or a simulator on another host), or in-process into
 * this server's /sim routes. Either way the client sees a status and the raw text, and a timeout that
 * tells "never sent" from "sent, answer lost".
 */
import type { FastifyInstance } from 'fastify';

export interface TransportRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  timeoutMs: number;
}

export interface TransportResponse {
  status: number;
  text: string;
  body: Buffer;
}

export class TransportError extends Error {
  constructor(
    /** True when the request may have reached Zalo (a timeout after sending). */
    readonly maybeDelivered: boolean,
    message: string,
  ) {
    super(message);
  }
}

export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

export const fetchTransport: Transport = async (request) => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), request.timeoutMs);
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body:
        typeof request.body === 'string' || request.body === undefined
          ? request.body
          : new Uint8Array(request.body),
      signal: controller.signal,
    });
    const body = Buffer.from(await response.arrayBuffer());
    return { status: response.status, text: body.toString('utf8'), body };
  } catch (error) {
    if (controller.signal.aborted) throw new TransportError(true, 'timeout');
    // Connection refused, DNS, TLS: the request never reached Zalo.
    throw new TransportError(false, (error as Error).message);
  } finally {
    clearTimeout(timer);
  }
};

/** Calls this server's own routes without a socket (simulator mode); only the path of the URL is used. */
export function injectTransport(app: FastifyInstance): Transport {
  return async (request) => {
    const url = new URL(request.url);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TransportError(true, 'timeout')), request.timeoutMs);
    });
    try {
      const response = await Promise.race([
        app.inject({
          method: request.method,
          url: url.pathname + url.search,
          headers: request.headers,
          ...(request.body === undefined ? {} : { payload: request.body }),
        }),
        timeout,
      ]);
      return { status: response.statusCode, text: response.body, body: response.rawPayload };
    } finally {
      clearTimeout(timer);
    }
  };
}
