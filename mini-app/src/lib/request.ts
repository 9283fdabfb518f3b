import type { ErrorBody } from '@loa/shared';

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
  /** Overrides the stored session token (sent as a bearer token). */
  token?: string;
  signal?: AbortSignal;
}

const apiBase = (import.meta.env.VITE_API_BASE ?? '').replace(/\/+$/, '');

/** The full address of a server path, for what the browser fetches itself (a public image). */
export const apiUrl = (path: string) => `${apiBase}${path}`;

/**
 * The session: its token goes on every request; a 401 tells the listener (the session store), which
 * signs the person out so the app shows the sign-in page again.
 */
let sessionToken: string | undefined;
let onUnauthorized: (() => void) | undefined;
export function setSessionToken(token: string | undefined): void {
  sessionToken = token;
}
export function setUnauthorizedHandler(handler: (() => void) | undefined): void {
  onUnauthorized = handler;
}

function authHeaders(token: string | undefined, extra: Record<string, string> = {}) {
  const headers: Record<string, string> = { accept: 'application/json', ...extra };
  const bearer = token ?? sessionToken;
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  return { headers, bearer };
}

/** Sends one request with the session; a network failure becomes status 0, a cancel stays a cancel. */
async function send(path: string, init: RequestInit, signal: AbortSignal | undefined): Promise<Response> {
  try {
    return await fetch(`${apiBase}${path}`, { ...init, signal });
  } catch (error) {
    // A cancelled query must stay an AbortError so TanStack Query treats it as a cancel, not a failure.
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'NETWORK', NETWORK_ERROR_MESSAGE);
  }
}

/** The one API client: JSON in, JSON out, and an `ApiError` for anything else. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, token, signal } = options;
  const { headers, bearer } = authHeaders(
    token,
    body === undefined ? {} : { 'content-type': 'application/json' },
  );
  const response = await send(
    path,
    { method, headers, body: body === undefined ? undefined : JSON.stringify(body) },
    signal,
  );
  return settle<T>(response.status, await response.text(), Boolean(bearer));
}

/**
 * Bytes the server serves only with a session (photos): an <img src> cannot send the bearer token,
 * so the caller shows the blob through an object URL.
 */
export async function requestBlob(path: string, options: { signal?: AbortSignal } = {}): Promise<Blob> {
  const { headers, bearer } = authHeaders(undefined);
  delete headers.accept;
  const response = await send(path, { headers }, options.signal);
  if (!response.ok) return settle(response.status, await response.text(), Boolean(bearer));
  return response.blob();
}

export interface DownloadProgress {
  /** Bytes received so far. */
  received: number;
  /** The file's size when the server knew it in advance; a report built while it is sent has none. */
  total: number | undefined;
}

export interface DownloadedFile {
  blob: Blob;
  /** The name the server gave the file (Content-Disposition), if any. */
  filename: string | undefined;
}

/**
 * A file the server builds while it sends it (a campaign's report files), read as it arrives so the
 * screen can show progress. A download cut half-way is a network error, never a partial file.
 */
export async function requestDownload(
  path: string,
  options: { onProgress?: (progress: DownloadProgress) => void; signal?: AbortSignal } = {},
): Promise<DownloadedFile> {
  const { headers, bearer } = authHeaders(undefined);
  headers.accept = '*/*';
  const response = await send(path, { headers }, options.signal);
  if (!response.ok) return settle(response.status, await response.text(), Boolean(bearer));
  const total = Number(response.headers.get('content-length')) || undefined;
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  const filename = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  try {
    if (!response.body) {
      const bytes = new Uint8Array(await response.arrayBuffer());
      chunks.push(bytes);
      received = bytes.length;
    } else {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value as Uint8Array<ArrayBuffer>);
        received += value.length;
        options.onProgress?.({ received, total });
      }
    }
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, 'NETWORK', NETWORK_ERROR_MESSAGE);
  }
  options.onProgress?.({ received, total: total ?? received });
  return { blob: new Blob(chunks, { type }), filename };
}

export interface UploadOptions {
  /** The multipart body, e.g. one photo. */
  form: FormData;
  /** Extra headers such as Zalo's location token. */
  headers?: Record<string, string>;
  /** 0..1 as the body goes out. */
  onProgress?: (fraction: number) => void;
}

/**
 * A multipart POST with upload progress. fetch cannot report upload progress; XMLHttpRequest can. The
 * answer is read exactly as `request` reads it, so both throw the same `ApiError`s.
 */
export function upload<T>(path: string, options: UploadOptions): Promise<T> {
  const { headers, bearer } = authHeaders(undefined, options.headers);
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${apiBase}${path}`);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', NETWORK_ERROR_MESSAGE));
    xhr.ontimeout = xhr.onerror;
    xhr.onload = () => {
      try {
        resolve(settle<T>(xhr.status, xhr.responseText, Boolean(bearer)));
      } catch (error) {
        reject(error);
      }
    };
    xhr.send(options.form);
  });
}

/** A file sent as the request body itself (its bytes, its own type), answered with JSON. */
export async function uploadRaw<T>(path: string, file: Blob): Promise<T> {
  const { headers, bearer } = authHeaders(undefined, {
    'content-type': file.type || 'application/octet-stream',
  });
  const response = await send(path, { method: 'POST', headers, body: file }, undefined);
  return settle<T>(response.status, await response.text(), Boolean(bearer));
}

/** Reads an answer's body the same way for fetch and XHR: the JSON, or the `ApiError` it stands for. */
function settle<T>(status: number, text: string, hadSession: boolean): T {
  const payload = parseJson(text);
  if (status < 200 || status >= 300) {
    if (status === 401 && hadSession) onUnauthorized?.();
    throw toApiError(status, payload);
  }
  if (payload === invalidJson) {
    throw new ApiError(status, 'BAD_RESPONSE', 'Máy chủ trả lời không đúng định dạng. Thử lại sau ít phút.');
  }
  return payload as T;
}

const invalidJson = Symbol('invalid-json');

function parseJson(text: string): unknown {
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
