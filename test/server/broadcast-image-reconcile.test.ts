/**
 * A post with an image goes to a group as a media message with the post as its caption. When Zalo
 * accepts it but the answer is lost, the delivery is `unknown` and is reconciled against the group's
 * recent messages before anything is sent again. Where Zalo lists a photo's caption is unconfirmed
 * (`message` or `description`), so the simulator plays both and the match must find either, never
 * send the image twice, and never take another message for ours.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BroadcastEngine } from '../../server/src/broadcasts/engine.js';
import { postImageKey } from '../../server/src/posts/images.js';
import { ZaloClient } from '../../server/src/zalo/client.js';
import type { SimState } from '../../server/src/zalo/simulator/state.js';
import { injectTransport, type Transport, TransportError } from '../../server/src/zalo/transport.js';
import type { ZaloOaMessenger } from '../../server/src/zalo/types.js';
import { addGroups, addSchedule, deliveryRows } from '../helpers/broadcasts.js';
import { buildEvidenceApp, type EvidenceTestApp, PHOTOS } from '../helpers/evidence.js';
import { createWard, type WardFixture } from '../helpers/factories.js';
import { authHeader } from '../helpers/sessions.js';
import { seededSim, setFaults } from '../helpers/zalo.js';

const CLIENT_TIMEOUT_MS = 300;
/** Zalo takes the message, then holds the answer past the client's timeout. */
const LOSE_THE_ANSWER = {
  endpoint: '/group/message',
  type: 'timeout_after_accept',
  hangMs: CLIENT_TIMEOUT_MS * 2,
  count: 1,
};

describe('reconciling an image send whose answer was lost', () => {
  let t: EvidenceTestApp;
  let sim: SimState;
  let ward: WardFixture;
  let photoSha: string;
  let nextGroup = 0;

  const headers = (role: 'staff' | 'leader') =>
    authHeader(t.app, {
      memberId: role === 'staff' ? ward.staffId : ward.leaderId,
      wardId: ward.wardId,
      role,
      unitId: ward.unitId,
    });

  /** A post written by staff and approved by the leader, through the API. */
  async function approvedPost(body: string, image: boolean): Promise<string> {
    const written = await t.app.inject({
      method: 'POST',
      url: '/api/posts',
      headers: headers('staff'),
      payload: { campaignId: ward.campaignId, body, ...(image ? { imageSha256: photoSha } : {}) },
    });
    expect(written.statusCode, written.body).toBe(201);
    const post = written.json() as { id: string; version: number };
    const approved = await t.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/approve`,
      headers: headers('leader'),
      payload: { version: post.version },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    return post.id;
  }

  /** A fresh OA group, known to the database and to the simulated Zalo. */
  async function oaGroup(): Promise<{ id: string; zaloGroupId: string }> {
    const [group] = await addGroups(t.app.db, ward, 1);
    const zaloGroupId = `70099${String(Date.now()).slice(-8)}${String(++nextGroup).padStart(4, '0')}`;
    await t.app.db.withSystem((c) =>
      c.query('UPDATE zalo_groups SET zalo_group_id = $2 WHERE id = $1', [group!.id, zaloGroupId]),
    );
    sim.groups.set(zaloGroupId, {
      groupId: zaloGroupId,
      name: `Nhóm thử ${nextGroup}`,
      oaGroup: true,
      status: 'enabled',
      memberIds: [],
    });
    return { id: group!.id, zaloGroupId };
  }

  /** The broadcast engine as the server wires it, sending through `messenger` (the real client). */
  const engine = (messenger: ZaloOaMessenger = t.app.zalo.oa) =>
    new BroadcastEngine({
      db: t.app.db,
      messengerFor: () => messenger,
      log: t.app.log,
      ratePerMinute: 600_000,
      leaseMs: 30_000,
      linkBase: 'https://zalo.me/s/thu',
      loadImage: (wardId, sha256) => t.app.photoStorage.getIfExists(postImageKey(wardId, sha256)),
    });

  const inGroup = (zaloGroupId: string) => sim.byGroup.get(zaloGroupId) ?? [];
  const minuteAfter = (at: Date) => new Date(at.getTime() + 60_000);

  /** Sends `postId` once into a new group with the answer lost, then reconciles a minute later. */
  async function loseTheAnswerThenReconcile(postId: string) {
    const group = await oaGroup();
    const now = new Date();
    await addSchedule(t.app.db, ward, postId, { runAt: now.toISOString() }, { groupIds: [group.id] });
    await setFaults(t.app, [LOSE_THE_ANSWER]);
    const sender = engine();
    await sender.runOnce(now);
    const [lost] = await deliveryRows(t.app.db, postId);
    expect(lost?.status).toBe('unknown');
    expect(inGroup(group.zaloGroupId)).toHaveLength(1); // Zalo did take it
    await sender.runOnce(minuteAfter(now));
    await sender.close();
    return { group, rows: await deliveryRows(t.app.db, postId) };
  }

  beforeAll(async () => {
    t = await buildEvidenceApp({
      seed: true, // the simulator loads its OA from the demo ward, once
      env: { ZALO_TIMEOUT_MS: String(CLIENT_TIMEOUT_MS) },
    });
    sim = await seededSim(t.app);
    ward = await createWard(t.app.db, 'Phường Ảnh');
    const uploaded = await t.app.inject({
      method: 'POST',
      url: '/api/post-images',
      headers: { ...headers('staff'), 'content-type': 'image/jpeg' },
      payload: readFileSync(join(PHOTOS, 'phone-nokia-8.3.jpg')),
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    photoSha = uploaded.json().sha256;
  }, 60_000);
  afterAll(() => t?.close());
  beforeEach(async () => {
    await setFaults(t.app, []);
    sim.groupImageCaptionField = 'description';
  });

  it.each(['description', 'message'] as const)(
    'with the caption listed in `%s`: the image is found and recorded as sent, never sent twice',
    async (field) => {
      sim.groupImageCaptionField = field;
      const postId = await approvedPost(`Mời bà con xem ảnh Ngày hội chuyển đổi số (${field})`, true);
      const { group, rows } = await loseTheAnswerThenReconcile(postId);

      const received = inGroup(group.zaloGroupId);
      expect(received).toHaveLength(1);
      expect(received[0]?.attachment?.type).toBe('image');
      expect(received[0]?.text).toContain(`Mời bà con xem ảnh Ngày hội chuyển đổi số (${field})`);
      expect(rows).toMatchObject([{ status: 'sent', zaloMessageId: received[0]?.messageId }]);

      // The listing the reconcile read did carry the caption in that field only.
      const listed = await t.app.zalo.oa.listRecentGroupMessages(group.zaloGroupId, 5);
      expect(listed).toHaveLength(1);
      const raw = await t.app.inject({
        url: `/sim/openapi${t.app.config.zalo.recentGroupMessagesPath}?group_id=${group.zaloGroupId}&offset=0&count=5`,
        headers: { access_token: await t.app.zalo.tokens.getAccessToken() },
      });
      const [row] = raw.json().data as Record<string, string>[];
      expect(row?.[field]).toBe(received[0]?.text);
      expect(row?.[field === 'message' ? 'description' : 'message'] ?? '').toBe('');
    },
  );

  it('a text send whose answer was lost is still reconciled by its text', async () => {
    const postId = await approvedPost('Thông báo lịch tiêm chủng tại trạm y tế phường', false);
    const { group, rows } = await loseTheAnswerThenReconcile(postId);
    const received = inGroup(group.zaloGroupId);
    expect(received).toHaveLength(1);
    expect(received[0]?.attachment).toBeUndefined();
    expect(rows).toMatchObject([{ status: 'sent', zaloMessageId: received[0]?.messageId }]);
  });

  it('another image with a different caption in the group is not taken for ours: ours goes out once', async () => {
    const ours = await approvedPost('Ảnh tuyên truyền cài đặt VNeID mức 2', true);
    const other = await approvedPost('Ảnh tuyên truyền cài đặt VNeID mức 2 cho người cao tuổi', true);
    const group = await oaGroup();
    const now = new Date();
    // The other post goes out first, answered normally.
    await addSchedule(t.app.db, ward, other, { runAt: now.toISOString() }, { groupIds: [group.id] });
    const sender = engine();
    await sender.runOnce(now);
    expect(await deliveryRows(t.app.db, other)).toMatchObject([{ status: 'sent' }]);
    const [otherMessage] = inGroup(group.zaloGroupId);

    // Ours: the connection breaks after the request was written and before Zalo read it, so the
    // client cannot tell whether it landed (unknown), though nothing reached the group.
    let broken = 0;
    const inner = injectTransport(t.app);
    const breaking: Transport = async (request) => {
      if (request.method === 'POST' && request.url.includes('/group/message') && broken++ === 0)
        throw new TransportError(true, 'socket hang up');
      return inner(request);
    };
    const flaky = new ZaloClient(t.app.config.zalo, breaking, t.app.zalo.tokens).oa;
    await addSchedule(t.app.db, ward, ours, { runAt: now.toISOString() }, { groupIds: [group.id] });
    const flakySender = engine(flaky);
    await flakySender.runOnce(now);
    expect(await deliveryRows(t.app.db, ours)).toMatchObject([{ status: 'unknown' }]);
    expect(inGroup(group.zaloGroupId)).toHaveLength(1);

    await flakySender.runOnce(minuteAfter(now));
    await Promise.all([sender.close(), flakySender.close()]);
    const received = inGroup(group.zaloGroupId);
    expect(received).toHaveLength(2);
    expect(received[1]?.text).toContain('Ảnh tuyên truyền cài đặt VNeID mức 2');
    expect(received[1]?.text).not.toContain('cho người cao tuổi');
    const [row] = await deliveryRows(t.app.db, ours);
    expect(row).toMatchObject({ status: 'sent', zaloMessageId: received[1]?.messageId });
    expect(row?.zaloMessageId).not.toBe(otherMessage?.messageId);
  });

  it('reads the caption only from the configured fields (ZALO_GROUP_MESSAGE_TEXT_FIELDS)', async () => {
    const group = await oaGroup();
    const stored = await t.app.photoStorage.getIfExists(postImageKey(ward.wardId, photoSha));
    const { attachmentId } = await t.app.zalo.oa.uploadImage(stored!, 'a.jpg', 'image/jpeg');
    await t.app.zalo.oa.sendGroupImage!(group.zaloGroupId, 'Chú thích ảnh', attachmentId);
    const onlyMessage = new ZaloClient(
      { ...t.app.config.zalo, groupMessageTextFields: ['message'] },
      injectTransport(t.app),
      t.app.zalo.tokens,
    ).oa;
    expect((await onlyMessage.listRecentGroupMessages(group.zaloGroupId, 5))[0]?.texts).toEqual([]);
    expect((await t.app.zalo.oa.listRecentGroupMessages(group.zaloGroupId, 5))[0]?.texts).toEqual([
      'Chú thích ảnh',
    ]);
  });
});
