/**
 * Helpers for the photo evidence tests: the real app on its own database and its own photo folder,
 * with an optional fake Zalo graph (the real Zalo layer is wired by another feature), and a
 * multipart body builder for app.inject.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/src/app.js';
import { REPO_ROOT } from '../../server/src/config.js';
import { seedDemoWardIfEmpty } from '../../server/src/seed/demo-ward.js';
import type { ZaloServices } from '../../server/src/zalo/services.js';
import { TEST_SESSION_SECRET, testConfig } from './app.js';
import { createTestDatabase } from './database.js';

export const PHOTOS = join(REPO_ROOT, 'test/fixtures/photos');

export interface EvidenceTestApp {
  app: FastifyInstance;
  dataDir: string;
  close(): Promise<void>;
}

export async function buildEvidenceApp(
  options: { zalo?: FakeZalo; env?: Record<string, string>; seed?: boolean } = {},
): Promise<EvidenceTestApp> {
  const databaseUrl = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'loa-evidence-'));
  const config = testConfig({ DATA_DIR: dataDir, ...options.env });
  const app = await buildApp(
    { ...config, databaseUrl, sessionSecret: TEST_SESSION_SECRET },
    { logger: false },
  );
  await app.ready();
  // The evidence routes read app.zalo per request: swap in the fake location exchange.
  if (options.zalo) app.zalo.graph = options.zalo.graph;
  if (options.seed) await seedDemoWardIfEmpty(app.db);
  return { app, dataDir, close: () => app.close() };
}

/** A Zalo graph whose getLocation answers from a table of tokens and rejects any other. */
export interface FakeZalo {
  calls: string[];
  graph: ZaloServices['graph'];
}

export function fakeZalo(locations: Record<string, { latitude: number; longitude: number }>): FakeZalo {
  const calls: string[] = [];
  const unused = () => Promise.reject(new Error('not used by the evidence tests'));
  return {
    calls,
    graph: {
      getMe: unused,
      getPhoneNumber: unused,
      async getLocation(accessToken, locationToken) {
        calls.push(`${accessToken}:${locationToken}`);
        const location = locations[locationToken];
        if (!location) throw new Error('invalid location token');
        return location;
      },
    },
  };
}

/** A multipart/form-data body: text fields first, then one file part. */
export function multipart(
  file: { bytes: Buffer; filename?: string; contentType?: string; field?: string },
  fields: Record<string, string> = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----loa${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  chunks.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'photo'}"; filename="${file.filename ?? 'photo.jpg'}"\r\n` +
        `Content-Type: ${file.contentType ?? 'image/jpeg'}\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Every file under the photo folder, temp files included, relative to it. */
export function storedFiles(dataDir: string): string[] {
  const root = join(dataDir, 'photos');
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(root, path));
    }
  };
  walk(root);
  return out.sort();
}
