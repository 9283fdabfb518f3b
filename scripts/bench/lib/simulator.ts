/**
 * The Zalo simulator in its own process (simulator-process.ts), its JSON API, and the environment that
 * points a server under test at it over HTTP, as live configuration points at Zalo.
 */
import type { ChildProcess } from 'node:child_process';
import { freePort } from '../free-port.js';
import { startChild } from './processes.js';

export interface BenchSimulator {
  process: ChildProcess;
  url: string;
  /** Calls /sim/api<path>; throws on a non-2xx answer. */
  api: (method: string, path: string, body?: unknown) => Promise<Record<string, unknown>>;
  /** ZALO_* variables for a server that talks to this simulator. */
  zaloEnv: Record<string, string>;
}

export async function startSimulator(env: Record<string, string>): Promise<BenchSimulator> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/sim`;
  const [child, grant] = await startChild<{ accessToken: string; refreshToken: string }>(
    'simulator-process.ts',
    { NODE_ENV: 'development', ...env, PORT: String(port) },
  );
  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}/api${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<Record<string, unknown>>;
  };
  return {
    process: child,
    url,
    api,
    zaloEnv: {
      ZALO_MODE: 'simulator',
      ZALO_OA_ACCESS_TOKEN: grant.accessToken,
      ZALO_OA_REFRESH_TOKEN: grant.refreshToken,
      ZALO_OPENAPI_URL: `${url}/openapi`,
      ZALO_GRAPH_URL: `${url}/graph`,
      ZALO_OAUTH_URL: `${url}/oauth`,
      ZALO_BUSINESS_URL: `${url}/business`,
    },
  };
}
