/**
 * Phones on a weak network (or anyone trickling bytes on purpose) must not hold up everyone's photos.
 * Real sockets against the real listening server: slow senders claim large photos and send a few
 * hundred bytes at a time; a normal upload from someone else must go through meanwhile, the slow ones
 * get 408 with a Vietnamese message (the phone's queue sends the photo again later), and a fourth
 * photo from the same phone at once gets 429.
 */
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvidenceApp, type EvidenceTestApp, multipart, PHOTOS } from '../helpers/evidence.js';
import { createWard, type WardFixture } from '../helpers/factories.js';
import { freePort } from '../helpers/server-process.js';
import { authHeader, teamMemberHeader } from '../helpers/sessions.js';

const MB = 1024 * 1024;

interface SlowUpload {
  socket: Socket;
  /** The HTTP answer (status and JSON body), or null when the socket closed without one. */
  answer: Promise<{ status: number; body: { code?: string; message?: string } } | null>;
  stop(): void;
}

/** A multipart upload announcing `claimed` bytes and sending `chunk` bytes every `everyMs`. */
function slowUpload(
  port: number,
  path: string,
  authorization: string,
  options: { claimed: number; chunk: number; everyMs: number },
): SlowUpload {
  const boundary = 'slowboundary1234';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="slow.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
  );
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => undefined); // the server may close it while we write
  socket.write(
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${authorization}\r\n` +
      `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${options.claimed}\r\n\r\n`,
  );
  socket.write(head);
  // JPEG's first bytes, then filler: what the server reads is a photo that is still arriving.
  socket.write(Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
  const timer = setInterval(() => {
    if (!socket.destroyed) socket.write(Buffer.alloc(options.chunk, 0x41));
  }, options.everyMs);
  let received = '';
  socket.on('data', (data) => {
    received += data.toString('utf8');
  });
  const answer = new Promise<{ status: number; body: { code?: string; message?: string } } | null>(
    (resolve) => {
      const settle = () => {
        clearInterval(timer);
        const match = /^HTTP\/1\.1 (\d{3})/.exec(received);
        if (!match) return resolve(null);
        const body = received.slice(received.indexOf('\r\n\r\n') + 4);
        let parsed: { code?: string; message?: string } = {};
        try {
          // A chunked body: the JSON sits between the chunk size lines.
          parsed = JSON.parse(body.slice(body.indexOf('{'), body.lastIndexOf('}') + 1));
        } catch {
          parsed = {};
        }
        resolve({ status: Number(match[1]), body: parsed });
      };
      socket.on('close', settle);
      // The answer may come while the connection stays open: settle once its JSON is complete.
      socket.on('data', () => {
        const at = received.indexOf('\r\n\r\n');
        if (at >= 0 && /}\s*(0\r\n\r\n)?$/.test(received.slice(at))) settle();
      });
    },
  );
  return {
    socket,
    answer,
    stop: () => {
      clearInterval(timer);
      socket.destroy();
    },
  };
}

describe('slow uploads', () => {
  let t: EvidenceTestApp;
  let ward: WardFixture;
  let port: number;

  beforeAll(async () => {
    t = await buildEvidenceApp({
      env: {
        PHOTO_MAX_BYTES: String(4 * MB),
        UPLOAD_MEMORY_MB: '8',
        UPLOAD_RECEIVE_SECONDS: '6',
        UPLOAD_MIN_BYTES_PER_SECOND: '8192',
        UPLOAD_RATE_WINDOW_SECONDS: '3',
        UPLOAD_PER_MEMBER: '3',
      },
    });
    ward = await createWard(t.app.db);
    port = await freePort();
    await t.app.listen({ port, host: '127.0.0.1' });
  });
  afterAll(() => t.close());

  it('a trickling phone gets 408 in Vietnamese and never holds up another person’s photo', async () => {
    const path = `/api/assignments/${ward.assignmentId}/evidence`;
    const team = teamMemberHeader(t.app, ward).authorization;
    // Three photos announced at 3.9 MB each (more than the 8 MB of upload memory together), sent at
    // 2.5 KB/s: below the 8 KB/s minimum.
    const slow = Array.from({ length: 3 }, () =>
      slowUpload(port, path, team, { claimed: Math.floor(3.9 * MB), chunk: 512, everyMs: 200 }),
    );
    try {
      await new Promise((done) => setTimeout(done, 300));
      // A fourth photo from the same phone at once: asked to wait its turn (its queue retries 429).
      const fourth = slowUpload(port, path, team, {
        claimed: Math.floor(3.9 * MB),
        chunk: 512,
        everyMs: 200,
      });
      const fourthAnswer = await fourth.answer;
      expect(fourthAnswer?.status).toBe(429);
      expect(fourthAnswer?.body.message).toContain('đang gửi nhiều ảnh cùng lúc');

      // Meanwhile a staff member's ordinary photo goes straight through.
      const staff = authHeader(t.app, {
        memberId: ward.staffId,
        wardId: ward.wardId,
        role: 'staff',
        unitId: ward.unitId,
      });
      const body = multipart({ bytes: readFileSync(join(PHOTOS, 'phone-nokia-8.3.jpg')) });
      expect(slow.every((upload) => !upload.socket.destroyed)).toBe(true); // still trickling
      const started = Date.now();
      const normal = await fetch(`http://127.0.0.1:${port}${path}`, {
        method: 'POST',
        headers: { ...staff, ...body.headers },
        body: new Uint8Array(body.payload),
        signal: AbortSignal.timeout(20_000),
      });
      expect(normal.status).toBe(201);
      expect(Date.now() - started).toBeLessThan(3000);

      // The slow ones are told, within the rate window (3 s) plus a check, why the photo did not go.
      const answers = await Promise.all(slow.map((upload) => upload.answer));
      for (const answer of answers) {
        expect(answer?.status).toBe(408);
        expect(answer?.body).toMatchObject({ code: 'UPLOAD_TOO_SLOW' });
        expect(answer?.body.message).toContain('Mạng quá chậm');
      }
      const { rows } = await t.app.db.pool.query(
        'SELECT count(*)::int AS n FROM evidence WHERE assignment_id = $1',
        [ward.assignmentId],
      );
      expect(rows[0].n).toBe(1); // only the ordinary photo was stored
    } finally {
      for (const upload of slow) upload.stop();
    }
  }, 30_000);

  it('a phone that sends steadily but too slowly for the deadline is cut off at the deadline', async () => {
    const path = `/api/assignments/${ward.assignmentId}/evidence`;
    const team = teamMemberHeader(t.app, ward).authorization;
    // 10 KB/s: above the minimum rate, but 3.9 MB would take 6.5 minutes; the deadline is 6 s.
    const steady = slowUpload(port, path, team, { claimed: Math.floor(3.9 * MB), chunk: 2048, everyMs: 200 });
    const started = Date.now();
    try {
      const answer = await steady.answer;
      expect(answer?.status).toBe(408);
      expect(answer?.body.message).toContain('Mạng quá chậm');
      expect(Date.now() - started).toBeGreaterThan(5000);
      expect(Date.now() - started).toBeLessThan(9000);
    } finally {
      steady.stop();
    }
  }, 20_000);
});
