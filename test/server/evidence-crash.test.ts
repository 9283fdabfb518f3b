/**
 * A server killed in the middle of an upload leaves no half-written photo where photos are read from,
 * and no rows (the body was only in memory); a temp file left by a write cut short is swept at the
 * next start once it is stale.
 */
import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalDiskStorage } from '../../server/src/evidence/storage.js';
import { TEST_SESSION_SECRET } from '../helpers/app.js';
import { createTestDatabase } from '../helpers/database.js';
import { PHOTOS, storedFiles } from '../helpers/evidence.js';
import { freePort, type ServerProcess, startServer } from '../helpers/server-process.js';
import { signSession } from '../helpers/sign-session.js';

describe('an upload interrupted by kill -9', () => {
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop('SIGKILL');
  });

  it('leaves no photo file and no rows; stale temp files are swept', async () => {
    const databaseUrl = await createTestDatabase();
    const dataDir = mkdtempSync(join(tmpdir(), 'loa-crash-'));
    server = await startServer({
      DATABASE_URL: databaseUrl,
      PORT: String(await freePort()),
      DATA_DIR: dataDir,
      SESSION_SECRET: TEST_SESSION_SECRET,
      SERVE_MINI_APP: 'false',
    });
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query(
        `SELECT a.id AS "assignmentId", a.ward_id AS "wardId", a.unit_id AS "unitId", m.id AS "memberId"
           FROM assignments a JOIN members m ON m.unit_id = a.unit_id AND m.role = 'team_member' LIMIT 1`,
      );
      const who = rows[0];
      const token = await signSession(TEST_SESSION_SECRET, { ...who, role: 'team_member' });

      const photo = readFileSync(join(PHOTOS, 'phone-nokia-8.3.jpg'));
      const boundary = 'loa-crash-boundary';
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      );
      const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
      const upload = request(`${server.url}/api/assignments/${who.assignmentId}/evidence`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': head.length + photo.length + tail.length,
        },
      });
      upload.on('error', () => undefined); // the server dies mid-request: that is the point
      await new Promise<void>((resolve) =>
        upload.write(Buffer.concat([head, photo.subarray(0, 1024 * 1024)]), () => resolve()),
      );
      // Half the photo is in the server's hands; give it time to read it, then pull the plug.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await server.stop('SIGKILL');
      upload.destroy();

      expect(storedFiles(dataDir)).toEqual([]);
      const counts = await db.query(
        'SELECT (SELECT count(*)::int FROM evidence) AS evidence, (SELECT count(*)::int FROM photo_files) AS files',
      );
      expect(counts.rows[0]).toEqual({ evidence: 0, files: 0 });

      // A write cut short between its temp file and the rename leaves only the temp file, removed
      // at the next start once it is stale (a fresh one may belong to a write still going on).
      const storage = new LocalDiskStorage(join(dataDir, 'photos'));
      await storage.init();
      const tmp = join(dataDir, 'photos', 'tmp');
      mkdirSync(tmp, { recursive: true });
      writeFileSync(join(tmp, 'stale.part'), photo.subarray(0, 1000));
      writeFileSync(join(tmp, 'fresh.part'), photo.subarray(0, 1000));
      const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
      utimesSync(join(tmp, 'stale.part'), old, old);
      expect(await storage.init()).toBe(1);
      expect(storedFiles(dataDir)).toEqual(['tmp/fresh.part']);
    } finally {
      await db.end();
    }
  });
});
