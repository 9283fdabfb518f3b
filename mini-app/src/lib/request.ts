import type { ErrorBody } from '@loa/shared';
import { storedSessionToken } from '../auth/use-session';

/** An API failure carrying the server's Vietnamese `message`, ready to show as it is. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status, or 0 when the server was never reached. */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorBody['details'],
  ) {
    super(message);
  }
}

export const NETWORK_ERROR_MESSAGE = 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Bearer token; defaults to the signed-in session's token. */
  token?: string;
  signal?: AbortSignal;
}

const apiBase = (import.meta.env.VITE_API_BASE ?? '').replace(/\/+$/, '');

/** The one API client: JSON in, JSON out, and an `ApiError` for anything else. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, token = storedSessionToken(), signal } = options;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch(`${apiBase}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    // A cancelled query must stay an AbortError so TanStack Query treats it as a cancel, not a failure.
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'NETWORK', NETWORK_ERROR_MESSAGE);
  }

  const payload = await readJson(response);
  if (!response.ok) throw toApiError(response.status, payload);
  if (payload === invalidJson) {
    throw new ApiError(
      response.status,
      'BAD_RESPONSE',
      'Máy chủ trả lời không đúng định dạng. Thử lại sau ít phút.',
    );
  }
  return payload as T;
}

const invalidJson = Symbol('invalid-json');

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // A proxy or gateway page (HTML) instead of our JSON; the caller decides what that means.
    return invalidJson;
  }
}

function toApiError(status: number, payload: unknown): ApiError {
  if (isErrorBody(payload)) {
    return new ApiError(payload.statusCode || status, payload.code, payload.message, payload.details);
  }
  // Not our error body (e.g. a gateway error page): still tell the reader what to do.
  const message =
    status >= 500
      ? `Máy chủ đang gặp sự cố (mã ${status}). Thử lại sau ít phút.`
      : `Yêu cầu không thực hiện được (mã ${status}). Thử lại hoặc báo cho cán bộ phụ trách.`;
  return new ApiError(status, `HTTP_${status}`, message);
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<ErrorBody>;
  return typeof candidate.message === 'string' && typeof candidate.code === 'string';
}
