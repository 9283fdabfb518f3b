/**
 * A photo sent in chat is stored as evidence (its own transaction) before the conversation's
 * transaction commits. A crash between the two makes the webhook event run again; the person must
 * still get one evidence row and one answer, the same answer the first run would have given.
 *
 * The crash point is simulated by failing the event right after the upload returned: what is
 * committed then is exactly what a kill -9 at that point leaves (the evidence, not the conversation),
 * and the retry goes through the same path a restarted server takes.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ChatEvidence } from '../../server/src/evidence/chat-evidence.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { settled } from '../helpers/chat.js';
import { PHOTOS } from '../helpers/evidence.js';
import { personWhere, seededSim, simOf } from '../helpers/zalo.js';

describe('a photo from chat whose event is handled again after a crash', () => {
  let t: TestApp;
  let realUpload: ChatEvidence['uploadFile'];
  let uploads = 0;

  beforeAll(async () => {
    t = await buildTestApp({ seed: true, env: { DATA_DIR: mkdtempSync(join(tmpdir(), 'loa-chat-crash-')) } });
    await seededSim(t.app);
    realUpload = t.app.chatEvidence.uploadFile;
    // The first upload of each test is stored, then the process "dies" before the chat commits.
    t.app.chatEvidence.uploadFile = async (input) => {
      const evidence = await realUpload(input);
      if (uploads++ === 0) throw new Error('simulated crash after the photo was stored');
      return evidence;
    };
  });
  afterAll(() => t?.close());

  const query = async <T>(sql: string, values: unknown[] = []) =>
    (await t.app.db.pool.query(sql, values)).rows as T[];

  /** The team lead of a khu phố sends a photo; the first handling crashes; the retry runs at once. */
  const sendPhotoThroughCrash = async (khuPho: number, photo: string) => {
    uploads = 0;
    const lead = personWhere(
      simOf(t.app),
      (p) => p.role === 'team_lead' && p.unitName.endsWith(`Khu phố ${khuPho}`),
    ).oaUserId;
    const before = simOf(t.app).byUser.get(lead)?.length ?? 0;
    const said = await t.app.inject({
      method: 'POST',
      url: `/sim/api/users/${lead}/say`,
      payload: { image: { base64: readFileSync(join(PHOTOS, photo)).toString('base64') } },
    });
    expect(said.json(), said.body).toMatchObject({ webhookStatus: 200 });
    await vi.waitFor(
      async () => {
        const [event] = await query<{ status: string }>(
          `SELECT status FROM webhook_events WHERE sender_id = $1 ORDER BY received_at DESC LIMIT 1`,
          [lead],
        );
        expect(event?.status).toBe('failed');
      },
      { timeout: 15_000, interval: 50 },
    );
    expect(uploads).toBe(1);
    // The backoff would wait 10 s; the retry is the point, not the wait.
    await query(`UPDATE webhook_events SET next_attempt_at = now() WHERE status = 'failed'`);
    await settled(t.app);
    expect(uploads).toBe(2);
    const replies = (simOf(t.app).byUser.get(lead) ?? [])
      .slice(before)
      .filter((m) => m.from === 'oa')
      .map((m) => m.text);
    const evidence = await query<{ id: string; flags: Record<string, unknown> }>(
      `SELECT e.id, e.flags FROM evidence e JOIN members m ON m.id = e.uploaded_by WHERE m.zalo_oa_user_id = $1`,
      [lead],
    );
    return { lead, replies, evidence };
  };

  it('gives the answer of the first run when that photo was the last one the task wanted', async () => {
    // Before the fix the retry saw the task's photos complete and answered "no task needs a photo;
    // kept and staff told", and told staff, about the photo it had just stored as evidence.
    const { replies, evidence } = await sendPhotoThroughCrash(6, 'gps-nikon-dscn0010.jpg');
    expect(evidence).toHaveLength(1);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain('minh chứng cho nhiệm vụ "Treo băng rôn');
    const [told] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notifications WHERE body LIKE '%gửi một ảnh qua OA%'`,
    );
    expect(told!.n).toBe(0);
  });

  it('stores the photo once and answers once when the task wants more photos', async () => {
    // Two photos wanted: before the fix the retry stored the same file again as a second photo,
    // flagged "Giống ảnh đã nộp" against itself.
    await query('UPDATE tasks SET evidence_photo_count = 2 WHERE evidence_photo_count = 1');
    const { replies, evidence } = await sendPhotoThroughCrash(5, 'gps-nikon-dscn0012.jpg');
    expect(evidence).toHaveLength(1);
    expect(evidence[0]!.flags).not.toHaveProperty('near_duplicate');
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain('minh chứng cho nhiệm vụ "Treo băng rôn');
    expect(replies[0]).not.toContain('Giống ảnh đã nộp');
  });
});
