/**
 * Transcripts of people writing to the ward's OA, driven through the simulator's signed webhooks: team
 * members and residents of two wards, with and without diacritics, abbreviations, typos, ambiguous
 * requests, hand-over to staff and back. Each exchange asserts what the person's chat shows (the
 * consultation messages the simulator recorded) and, where something changes, the database.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIMULATOR_APP } from '../../server/src/config.js';
import { connectWardOa } from '../../server/src/zalo/connect-oa.js';
import { signWebhook } from '../../server/src/zalo/simulator/people.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { type Said, say, settled } from '../helpers/chat.js';
import { createWard, type WardFixture } from '../helpers/factories.js';
import { authHeader } from '../helpers/sessions.js';
import { personWhere, seededSim, simOf } from '../helpers/zalo.js';

const WARD2_OA = '5550000000000000002';
const WARD2_RESIDENT = '5551000000000000001';
const WARD2_MEMBER = '5551000000000000002';
const WARD2_THEME = 'Chuyển đổi số vì cộng đồng, mỗi nhà một tài khoản';
const WARD2_SLOGAN = 'Người dân là trung tâm của chuyển đổi số';

describe('OA chatbot transcripts', () => {
  let t: TestApp;
  let ward2: WardFixture;
  let exchanges = 0;
  const people = { lead1: '', member2: '', lead3: '', r1: '', r2: '', r3: '' };
  let ward1 = { wardId: '', staffId: '' };
  /** The demo ward's campaign as its own data says it: the answers must quote it. */
  const DEMO_CAMPAIGN = { theme: '', slogans: [''] };

  /** One exchange: the person says something and the replies match, in order, one pattern each. */
  const expectReplies = async (who: string, said: Said, ...patterns: (RegExp | string)[]) => {
    exchanges++;
    const replies = await say(t.app, who, said);
    expect(replies, `replies to ${JSON.stringify(said)}`).toHaveLength(patterns.length);
    for (const [index, pattern] of patterns.entries()) {
      if (typeof pattern === 'string') expect(replies[index]).toContain(pattern);
      else expect(replies[index]).toMatch(pattern);
    }
    return replies;
  };
  const query = async <T>(sql: string, values: unknown[] = []) =>
    (await t.app.db.pool.query(sql, values)).rows as T[];
  const assignment = async (oaUserId: string, titleStart: string) => {
    const [row] = await query<{ status: string; number_done: number | null; acknowledged_by: string | null }>(
      `SELECT a.status, a.number_done, a.acknowledged_by FROM assignments a JOIN tasks t ON t.id = a.task_id
        JOIN members m ON m.unit_id = a.unit_id WHERE m.zalo_oa_user_id = $1 AND t.title LIKE $2`,
      [oaUserId, `${titleStart}%`],
    );
    return row;
  };
  const conversation = async (oaUserId: string) => {
    const [row] = await query<{
      id: string;
      status: string;
      unread_count: number;
      handover_reason: string | null;
      resolved_at: Date | null;
      ward_id: string;
    }>('SELECT * FROM conversations WHERE zalo_user_id = $1', [oaUserId]);
    return row!;
  };
  const staff = (wardId: string, memberId: string) => authHeader(t.app, { memberId, wardId, role: 'staff' });

  beforeAll(async () => {
    t = await buildTestApp({ seed: true, env: { DATA_DIR: mkdtempSync(join(tmpdir(), 'loa-chat-')) } });
    const sim = await seededSim(t.app);
    const team = (role: string, n: number) =>
      personWhere(sim, (p) => p.role === role && p.unitName.endsWith(`Khu phố ${n}`)).oaUserId;
    people.lead1 = team('team_lead', 1);
    people.member2 = team('team_member', 2);
    people.lead3 = team('team_lead', 3);
    const residents = [...sim.people.values()].filter((p) => p.role === 'resident').map((p) => p.oaUserId);
    [people.r1, people.r2, people.r3] = residents as [string, string, string];
    const [office] = await query<{ ward_id: string; id: string }>(
      `SELECT ward_id, id FROM members WHERE role = 'staff' ORDER BY full_name LIMIT 1`,
    );
    ward1 = { wardId: office!.ward_id, staffId: office!.id };
    const [campaign] = await query<{ theme: string; slogans: string[] }>(
      `SELECT theme, slogans FROM campaigns WHERE ward_id = $1 AND status = 'active'`,
      [ward1.wardId],
    );
    Object.assign(DEMO_CAMPAIGN, campaign);
    expect(DEMO_CAMPAIGN.theme.length).toBeGreaterThan(10);

    // A second ward with its own OA, campaign, team member and resident.
    ward2 = await createWard(t.app.db, 'Phường Xuân Hòa');
    await t.app.db.withSystem(async (client) => {
      await client.query('UPDATE wards SET zalo_oa_id = $2 WHERE id = $1', [ward2.wardId, WARD2_OA]);
      await client.query(
        `UPDATE campaigns SET status = 'active', theme = $2, slogans = $3, starts_on = '2026-06-01', ends_on = '2026-06-30'
          WHERE id = $1`,
        [ward2.campaignId, WARD2_THEME, [WARD2_SLOGAN]],
      );
      await client.query(`UPDATE tasks SET due_at = '2026-06-10T17:00:00+07:00' WHERE id = $1`, [
        ward2.taskId,
      ]);
      await client.query('UPDATE members SET zalo_oa_user_id = $2 WHERE id = $1', [
        ward2.teamMemberId,
        WARD2_MEMBER,
      ]);
    });
    // Its OA admin granted the app (the simulator's grant for that OA): replies go back through it.
    await connectWardOa(t.app.db, {
      slug: ward2.slug,
      oaId: WARD2_OA,
      ...simOf(t.app).issueOaGrant(WARD2_OA),
    });
    const added = await t.app.inject({
      method: 'POST',
      url: '/sim/api/people/batch',
      payload: {
        people: [
          { oaUserId: WARD2_RESIDENT, name: 'Đỗ Thị Mai', oaId: WARD2_OA },
          { oaUserId: WARD2_MEMBER, name: 'Thành viên tổ Xuân Hòa', oaId: WARD2_OA, role: 'team_member' },
        ],
      },
    });
    expect(added.statusCode).toBe(200);
  });
  afterAll(() => t?.close());

  it('answers a resident from the ward’s own campaign, with and without diacritics', async () => {
    const { r1 } = people;
    await expectReplies(r1, 'xin chào', 'Đây là OA của UBND Phường Dầu Giây');
    await expectReplies(r1, 'Chủ đề năm nay là gì?', DEMO_CAMPAIGN.theme);
    await expectReplies(r1, 'chu de la gi', DEMO_CAMPAIGN.theme);
    await expectReplies(r1, 'khẩu hiệu', DEMO_CAMPAIGN.slogans[0] as string);
    await expectReplies(r1, 'khau hieuu', DEMO_CAMPAIGN.slogans[0] as string);
    await expectReplies(r1, 'sự kiện diễn ra khi nào vậy ạ', 'từ ngày 18/05/2026 đến ngày 24/05/2026');
    await expectReplies(r1, 'bao gio ket thuc z', 'đến ngày 24/05/2026');
    await expectReplies(r1, 'có những hoạt động gì', /Phát thanh tuyên truyền[\s\S]*Treo băng rôn/);
    await expectReplies(r1, 'ngày 18/5 là ngày gì?', /Khoa học, công nghệ[\s\S]*Mục đích: Tuyên truyền/);
    await expectReplies(r1, 'đọc bài ở đâu', 'mini app Loa Phường');
    await expectReplies(r1, 'cảm ơn nhiều 👍', 'Không có gì');
    await expectReplies(r1, 'trợ giúp', '"khẩu hiệu"');
  });

  it('offers an unknown follower the mini app sign-in for team work', async () => {
    await expectReplies(people.r1, 'nhiệm vụ', /chưa được liên kết[\s\S]*zalo\.me\/s\/loa-phuong/);
    await expectReplies(people.r1, 'xong r', 'chưa được liên kết');
  });

  it('hands over after two messages it does not understand, stays quiet, and comes back', async () => {
    const { r1 } = people;
    await expectReplies(r1, 'asdkjh', 'chưa hiểu ý bạn');
    await expectReplies(r1, 'qwe rty uiop', /chuyển đến cán bộ phường/);
    expect(await conversation(r1)).toMatchObject({
      status: 'staff',
      handover_reason: 'Bot không hiểu hai lần liên tiếp',
      unread_count: 1,
    });
    await expectReplies(r1, 'alo có ai không');
    await expectReplies(r1, 'khẩu hiệu'); // with staff: the bot does not answer
    expect((await conversation(r1)).unread_count).toBe(3);

    const id = (await conversation(r1)).id;
    const replied = await t.app.inject({
      method: 'POST',
      url: `/api/conversations/${id}/replies`,
      headers: staff(ward1.wardId, ward1.staffId),
      payload: { text: 'Chào chị, cán bộ phường đây. Chị cần hỗ trợ gì ạ?' },
    });
    expect(replied.statusCode).toBe(201);
    await settled(t.app);
    expect(simOf(t.app).byUser.get(r1)?.at(-1)?.text).toBe(
      'Chào chị, cán bộ phường đây. Chị cần hỗ trợ gì ạ?',
    );
    expect((await conversation(r1)).unread_count).toBe(0);

    const back = await t.app.inject({
      method: 'POST',
      url: `/api/conversations/${id}/hand-back`,
      headers: staff(ward1.wardId, ward1.staffId),
    });
    expect(back.statusCode).toBe(200);
    await settled(t.app);
    expect(simOf(t.app).byUser.get(r1)?.at(-1)?.text).toContain('trợ lý tự động của OA sẽ tiếp tục');
    expect(await conversation(r1)).toMatchObject({ status: 'bot', resolved_at: null });
    await expectReplies(r1, 'khẩu hiệu', DEMO_CAMPAIGN.slogans[0] as string);
  });

  it('hands a request for a person or a complaint to staff, tells staff, and resolves', async () => {
    const { r2, r3 } = people;
    const before = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notifications WHERE kind = 'escalation'`,
    );
    await expectReplies(r2, 'cho tui gap can bo', /chuyển đến cán bộ phường[\s\S]*(giờ làm việc)/);
    const after = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notifications WHERE kind = 'escalation'`,
    );
    // Every staff member and admin of the ward is told (2 staff + 1 admin in the demo ward).
    expect(after[0]!.n - before[0]!.n).toBe(3);
    await expectReplies(r2, 'tôi muốn phản ánh đèn đường khu phố 2 bị hư');
    const id = (await conversation(r2)).id;
    const resolved = await t.app.inject({
      method: 'POST',
      url: `/api/conversations/${id}/resolve`,
      headers: staff(ward1.wardId, ward1.staffId),
    });
    expect(resolved.statusCode).toBe(200);
    expect((await conversation(r2)).resolved_at).not.toBeNull();
    await expectReplies(r2, 'tro giup', '"gặp cán bộ"');

    await expectReplies(r3, 'Tôi muốn KHIẾU NẠI!!!', 'chuyển đến cán bộ phường');
    expect((await conversation(r3)).handover_reason).toBe('Phản ánh, khiếu nại');
  });

  it('lets a team lead list, acknowledge and complete tasks, resolving ambiguity by number', async () => {
    const { lead1 } = people;
    await expectReplies(
      lead1,
      'nv của tổ',
      /1\. Treo băng rôn.*hạn 18\/05\/2026 08:00[\s\S]*2\. Phát thanh[\s\S]*3\. Chia sẻ[\s\S]*#\/tasks/,
    );
    await expectReplies(lead1, 'nhan 1', 'tổ đã nhận nhiệm vụ "Treo băng rôn');
    expect((await assignment(lead1, 'Treo băng rôn, khẩu hiệu'))?.status).toBe('acknowledged');
    await expectReplies(lead1, 'nhận', /nhiệm vụ nào\?[\s\S]*1\. Phát thanh[\s\S]*2\. Chia sẻ/);
    await expectReplies(lead1, '2', 'đã nhận nhiệm vụ "Chia sẻ bài');
    expect((await assignment(lead1, 'Chia sẻ bài'))?.status).toBe('acknowledged');
    await expectReplies(lead1, 'nhận nhiệm vụ 1', 'đã được xác nhận từ trước');
    await expectReplies(lead1, 'oke', 'đã nhận nhiệm vụ "Phát thanh');
    await expectReplies(lead1, 'đã phát thanh 3 lần rồi', /hoàn thành nhiệm vụ "Phát thanh.*\(3 lần\)/);
    expect(await assignment(lead1, 'Phát thanh')).toMatchObject({ status: 'submitted', number_done: 3 });
    await expectReplies(lead1, 'xong', /báo hoàn thành nhiệm vụ nào\?[\s\S]*1\. Treo[\s\S]*2\. Chia sẻ/);
    await expectReplies(lead1, 'so 5', 'từ 1 đến 2');
    await expectReplies(lead1, '2', 'hoàn thành nhiệm vụ "Chia sẻ bài');
    expect((await assignment(lead1, 'Chia sẻ bài'))?.status).toBe('submitted');
  });

  it('turns a photo in chat into evidence and attaches a shared location to it', async () => {
    const { lead1 } = people;
    await expectReplies(
      lead1,
      { image: true },
      /minh chứng cho nhiệm vụ "Treo băng rôn[\s\S]*Không có vị trí/,
    );
    const [photo] = await query<{ id: string; flags: object; uploaded_by: string; lat: number | null }>(
      `SELECT e.id, e.flags, e.uploaded_by, e.lat FROM evidence e JOIN members m ON m.id = e.uploaded_by
        WHERE m.zalo_oa_user_id = $1`,
      [lead1],
    );
    expect(photo).toMatchObject({ lat: null, flags: expect.objectContaining({ location_missing: {} }) });
    expect((await assignment(lead1, 'Treo băng rôn, khẩu hiệu'))?.status).toBe('submitted');
    await expectReplies(
      lead1,
      { location: { latitude: 10.9419, longitude: 107.1408 } },
      'Đã gắn vị trí vào ảnh minh chứng của nhiệm vụ "Treo băng rôn',
    );
    const [located] = await query<{ lat: number; location_source: string; flags: object }>(
      'SELECT lat, location_source, flags FROM evidence WHERE id = $1',
      [photo!.id],
    );
    expect(located).toMatchObject({ lat: 10.9419, location_source: 'zalo' });
    expect(located!.flags).not.toHaveProperty('location_missing');
    await expectReplies(
      lead1,
      { location: { latitude: 10.9, longitude: 107.1 } },
      'không có ảnh minh chứng nào đang chờ vị trí',
    );
    // No photo task left: the photo is kept and staff are told.
    const told = async () =>
      (
        await query<{ n: number }>(
          `SELECT count(*)::int AS n FROM notifications WHERE body LIKE '%gửi một ảnh qua OA%'`,
        )
      )[0]!.n;
    const before = await told();
    await expectReplies(lead1, { image: true }, 'đã được lưu lại và cán bộ phường đã được báo');
    expect((await told()) - before).toBe(3);
    await expectReplies(lead1, 'chưa xong đâu', 'chưa hiểu ý bạn');
    await expectReplies(lead1, 'trợ giúp', '"xong" hoặc "đã xong 2"');
    await expectReplies(lead1, 'nhiệm vụ', 'không còn nhiệm vụ nào đang mở');
    await expectReplies(lead1, 'xong', 'không có nhiệm vụ nào đang chờ báo hoàn thành');
  });

  it('understands a team member typing without diacritics, in abbreviations and teen code', async () => {
    const { member2 } = people;
    await expectReplies(member2, 'nhiem vu cua to la j', /1\. Treo[\s\S]*2\. Phát thanh[\s\S]*3\. Chia sẻ/);
    await expectReplies(member2, 'da xong 2', 'hoàn thành nhiệm vụ "Phát thanh');
    expect((await assignment(member2, 'Phát thanh'))?.status).toBe('submitted');
    await expectReplies(member2, 'xong 9', 'Không có nhiệm vụ số 9');
    // Understood as completing the banner task, which needs its photo first (the tasks feature's rule).
    await expectReplies(member2, 'Đã treo băng rôn!! 😀', /Chưa ghi nhận được: .*cần 1 ảnh minh chứng/);
    expect((await assignment(member2, 'Treo băng rôn'))?.status).toBe('pending');
    await expectReplies(member2, 'nhận 2', 'đã nhận nhiệm vụ "Chia sẻ bài');
    await expectReplies(member2, 'khg hieu ntn', 'chưa hiểu ý bạn');
    await expectReplies(member2, 'okeee', 'đã nhận nhiệm vụ "Treo băng rôn');
    await expectReplies(member2, 'okeee', 'không có nhiệm vụ nào đang chờ xác nhận');
    await expectReplies(member2, { image: true }, 'minh chứng cho nhiệm vụ "Treo băng rôn');
    expect((await assignment(member2, 'Treo băng rôn'))?.status).toBe('submitted');
    // Naming the banner task again, now it is reported, completes nothing else.
    await expectReplies(member2, 'Đã treo băng rôn!! 😀', 'đã được báo hoàn thành, đang chờ cán bộ');
    expect((await assignment(member2, 'Chia sẻ bài'))?.status).not.toBe('submitted');
    await expectReplies(member2, 'hoan tanh roi', 'hoàn thành nhiệm vụ "Chia sẻ bài');
    await expectReplies(member2, 'gặp cán bộ', 'chuyển đến cán bộ phường');
    expect((await conversation(member2)).status).toBe('staff');
  });

  it('starts afresh when the answer to a question is not a number', async () => {
    const { lead3 } = people;
    await expectReplies(lead3, 'xong', /nhiệm vụ nào\?[\s\S]*3\. Chia sẻ/);
    await expectReplies(lead3, 'da chia se bai vao nhom roi', 'hoàn thành nhiệm vụ "Chia sẻ bài');
    await expectReplies(lead3, { image: true }, 'minh chứng cho nhiệm vụ "Treo băng rôn');
    await expectReplies(lead3, 'xong 1', 'hoàn thành nhiệm vụ "Phát thanh');
    await expectReplies(lead3, 'bot lam duoc gi', 'Bạn có thể nhắn');
  });

  it('answers a second ward’s people from that ward’s data', async () => {
    await expectReplies(WARD2_RESIDENT, 'chủ đề là gì', WARD2_THEME);
    const slogan = await expectReplies(WARD2_RESIDENT, 'khẩu hiệu', WARD2_SLOGAN);
    expect(slogan[0]).not.toContain(DEMO_CAMPAIGN.slogans[0]);
    await expectReplies(WARD2_RESIDENT, 'khi nao dien ra', 'từ ngày 01/06/2026 đến ngày 30/06/2026');
    await expectReplies(WARD2_RESIDENT, 'xin chao', 'UBND Phường Xuân Hòa');
    await expectReplies(WARD2_MEMBER, 'nhiệm vụ', /1\. Phát thanh \(hạn 10\/06\/2026 17:00/);
    await expectReplies(WARD2_MEMBER, 'xong', 'hoàn thành nhiệm vụ "Phát thanh"');
    const [done] = await query<{ status: string }>('SELECT status FROM assignments WHERE id = $1', [
      ward2.assignmentId,
    ]);
    expect(done?.status).toBe('submitted');
    await expectReplies(WARD2_MEMBER, 'gap can bo', 'chuyển đến cán bộ phường');
    // Each ward's inbox holds its own conversations only.
    const list = async (wardId: string, memberId: string) =>
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/conversations?filter=staff',
          headers: staff(wardId, memberId),
        })
      ).json().conversations as { displayName: string }[];
    const names2 = (await list(ward2.wardId, ward2.staffId)).map((c) => c.displayName);
    expect(names2).toHaveLength(1);
    expect(names2[0]).toMatch(/^Người team_member/);
    const names1 = (await list(ward1.wardId, ward1.staffId)).map((c) => c.displayName);
    expect(names1).not.toContain(names2[0]);
  });

  it('answers the same event delivered twice once', async () => {
    const { r3 } = people;
    // r3 is with staff since the complaint: hand back first so the bot answers.
    const id = (await conversation(r3)).id;
    await t.app.inject({
      method: 'POST',
      url: `/api/conversations/${id}/resolve`,
      headers: staff(ward1.wardId, ward1.staffId),
    });
    const before = simOf(t.app).byUser.get(r3)?.length ?? 0;
    const event = {
      app_id: SIMULATOR_APP.appId,
      sender: { id: r3 },
      user_id_by_app: '1',
      recipient: { id: simOf(t.app).oaId },
      event_name: 'user_send_text',
      message: { text: 'khẩu hiệu', msg_id: '9007199254749999' },
      timestamp: String(Date.now()),
    };
    const raw = JSON.stringify(event);
    const signature = signWebhook(SIMULATOR_APP.appId, raw, event.timestamp, SIMULATOR_APP.appSecret);
    exchanges++;
    for (let i = 0; i < 2; i++) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/webhooks/zalo',
        headers: { 'content-type': 'application/json', 'x-zevent-signature': signature },
        payload: raw,
      });
      expect(response.statusCode).toBe(200);
    }
    await settled(t.app);
    const replies = (simOf(t.app).byUser.get(r3) ?? []).slice(before).filter((m) => m.from === 'oa');
    expect(replies.map((m) => m.text)).toEqual([expect.stringContaining(DEMO_CAMPAIGN.slogans[0] as string)]);
  });

  it('answers a sticker with what it can read', async () => {
    exchanges++;
    const before = simOf(t.app).byUser.get(people.r2)?.length ?? 0;
    const event = {
      app_id: SIMULATOR_APP.appId,
      sender: { id: people.r2 },
      recipient: { id: simOf(t.app).oaId },
      event_name: 'user_send_sticker',
      message: { msg_id: '9007199254748888', attachments: [{ type: 'sticker', payload: { id: 'abc' } }] },
      timestamp: String(Date.now()),
    };
    const raw = JSON.stringify(event);
    await t.app.inject({
      method: 'POST',
      url: '/webhooks/zalo',
      headers: {
        'content-type': 'application/json',
        'x-zevent-signature': signWebhook(SIMULATOR_APP.appId, raw, event.timestamp, SIMULATOR_APP.appSecret),
      },
      payload: raw,
    });
    await settled(t.app);
    const replies = (simOf(t.app).byUser.get(people.r2) ?? []).slice(before).filter((m) => m.from === 'oa');
    expect(replies.map((m) => m.text)).toEqual([expect.stringContaining('tin nhắn chữ, ảnh và vị trí')]);
  });

  it('tells staff why a reply cannot go out after the 7-day window, and what to do instead', async () => {
    const { r2 } = people;
    const { id } = await conversation(r2);
    const headers = staff(ward1.wardId, ward1.staffId);
    // Zalo refuses it (-230): the person has not written for 8 days although we thought otherwise.
    await t.app.inject({ method: 'POST', url: `/sim/api/people/${r2}/interaction`, payload: { daysAgo: 8 } });
    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/conversations/${id}/replies`,
      headers,
      payload: { text: 'Cán bộ phường xin trả lời anh.' },
    });
    expect(sent.statusCode).toBe(201);
    await settled(t.app);
    const thread = (await t.app.inject({ method: 'GET', url: `/api/conversations/${id}`, headers })).json();
    expect(thread.messages.at(-1)).toMatchObject({
      author: 'staff',
      status: 'failed',
      errorReason: expect.stringMatching(/7 ngày qua[\s\S]*Hãy gọi điện/),
    });
    // Known to be outside the window: refused at once with the reason, nothing queued.
    await t.app.db.pool.query(
      `UPDATE conversations SET last_inbound_at = now() - interval '8 days' WHERE id = $1`,
      [id],
    );
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/conversations/${id}/replies`,
      headers,
      payload: { text: 'Anh còn cần hỗ trợ không?' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'CHAT_WINDOW_CLOSED',
      message: expect.stringContaining('gọi điện'),
    });
    const queued = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM conversation_messages WHERE text = 'Anh còn cần hỗ trợ không?'`,
    );
    expect(queued[0]?.n).toBe(0);
  });

  it("counts a staff reply's 2,000 characters as Zalo does: NFD typing fits, an emoji counts 2", async () => {
    const { r3 } = people;
    const { id } = await conversation(r3);
    const headers = staff(ward1.wardId, ward1.staffId);
    // 1,990 letters typed in NFD: 5,970 UTF-16 units as sent, 1,990 characters once normalised.
    const nfd = 'ệ'.repeat(1990).normalize('NFD');
    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/conversations/${id}/replies`,
      headers,
      payload: { text: nfd },
    });
    expect(sent.statusCode).toBe(201);
    expect(sent.json().text).toBe(nfd.normalize('NFC'));
    await settled(t.app);
    const thread = (await t.app.inject({ method: 'GET', url: `/api/conversations/${id}`, headers })).json();
    expect(thread.messages.at(-1)).toMatchObject({ author: 'staff', status: 'sent' });

    // 1,001 emoji: 2,002 characters for Zalo. Refused with what to cut, nothing queued.
    const emoji = '🙂'.repeat(1001);
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/conversations/${id}/replies`,
      headers,
      payload: { text: emoji },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Câu trả lời dài 2002 ký tự, Zalo chỉ nhận tối đa 2000. Hãy rút gọn 2 ký tự.',
    });
    const queued = await query<{ n: number }>(
      'SELECT count(*)::int AS n FROM conversation_messages WHERE text = $1',
      [emoji],
    );
    expect(queued[0]?.n).toBe(0);
  });

  it('covers at least 60 exchanges', () => {
    expect(exchanges).toBeGreaterThanOrEqual(60);
  });
});
