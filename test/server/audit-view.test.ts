/**
 * The audit view's API (issue 12 item 7): every entry says in Vietnamese what was done and to which
 * record, pages go back with `before`, and the campaign filter finds an entry through its record.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvidenceApp, type EvidenceTestApp, multipart, PHOTOS } from '../helpers/evidence.js';
import { createWardWithEveryRow, type WardRows } from '../helpers/factories.js';
import { authHeader, teamMemberHeader } from '../helpers/sessions.js';

interface Entry {
  id: number;
  actorName: string | null;
  action: string;
  actionText: string;
  subject: string | null;
}

describe('the audit view', () => {
  let t: EvidenceTestApp;
  let w: WardRows;
  const staff = () =>
    authHeader(t.app, { memberId: w.staffId, wardId: w.wardId, role: 'staff', unitId: w.unitId });
  const api = (method: string, url: string, payload?: object, headers = staff()) =>
    t.app.inject({ method: method as 'GET', url, headers, ...(payload ? { payload } : {}) });
  const audit = async (query = '') => {
    const response = await api('GET', `/api/audit?${query}`);
    expect(response.statusCode).toBe(200);
    return response.json() as { entries: Entry[]; next: number | null };
  };

  beforeAll(async () => {
    t = await buildEvidenceApp();
    w = await createWardWithEveryRow(t.app.db, 'Phường Bàu Hàm');
  });
  afterAll(() => t?.close());

  it('says in Vietnamese what was done and to which record', async () => {
    expect((await api('PATCH', `/api/campaigns/${w.campaignId}`, { theme: 'Chủ đề mới' })).statusCode).toBe(
      200,
    );
    const member = await api('POST', '/api/ward/members', {
      fullName: 'Phạm Thị Dung',
      phone: '0903 123 456',
      role: 'team_member',
      unitId: w.teamId,
    });
    expect(member.statusCode).toBe(201);
    const task = await api('POST', `/api/campaigns/${w.campaignId}/tasks`, {
      kind: 'custom',
      title: 'Dán áp phích ở chợ',
      dueAt: '2026-05-22T17:00:00+07:00',
    });
    expect(task.statusCode).toBe(201);
    expect((await api('DELETE', `/api/tasks/${task.json().id}`)).statusCode).toBe(204);

    const { entries } = await audit();
    const said = entries.map((e) => `${e.actorName} ${e.actionText} “${e.subject}”`);
    const staffName = entries[0]!.actorName;
    expect(said.slice(0, 4)).toEqual([
      `${staffName} xóa nhiệm vụ “Dán áp phích ở chợ”`,
      `${staffName} tạo nhiệm vụ “Dán áp phích ở chợ”`,
      `${staffName} thêm thành viên “Phạm Thị Dung”`,
      `${staffName} sửa kế hoạch “Kế hoạch của Phường Bàu Hàm”`,
    ]);
  });

  it('reads entries written under a former name, and names nobody for a member’s own sign-out', async () => {
    await t.app.db.withSystem((db) =>
      db.query(
        `INSERT INTO audit_log (ward_id, actor_member_id, action, entity, entity_id)
         VALUES ($1, $2, 'auth.sign_out', 'member', $3)`,
        [w.wardId, w.staffId, w.staffId],
      ),
    );
    const [latest] = (await audit()).entries;
    expect(latest).toMatchObject({ action: 'auth.sign_out', actionText: 'đăng xuất', subject: null });
  });

  it('records photo uploads, reviews and "Đã chia sẻ", each naming its work, found by person and campaign', async () => {
    const team = teamMemberHeader(t.app, w);
    const upload = async (file: string) => {
      const body = multipart({ bytes: readFileSync(join(PHOTOS, file)) });
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/assignments/${w.assignmentId}/evidence`,
        headers: { ...team, ...body.headers },
        payload: body.payload,
      });
      expect(response.statusCode).toBe(201);
      return response.json().evidence.id as string;
    };
    const first = await upload('odd-exif-image01137.jpg');
    const second = await upload('orientation-6-landscape.jpg');
    const review = (id: string, body: object) =>
      api('POST', `/api/evidence/${id}/review`, body).then((r) => expect(r.statusCode).toBe(200));
    await review(first, { decision: 'needs_fix', reason: 'Ảnh mờ, hãy chụp lại' });
    await review(second, { decision: 'accept' });
    const share = () => api('POST', `/api/deliveries/${w.deliveryId}/shared`, undefined, team);
    expect((await share()).statusCode).toBe(200);
    // A second "Đã chia sẻ" changes nothing, so it records nothing.
    expect((await share()).statusCode).toBe(409);

    const said = (entries: Entry[]) => entries.map((e) => `${e.actionText} “${e.subject}”`);
    const work = 'Phát thanh — Tổ CNS Khu phố 1';
    const byTeam = (await audit(`memberId=${w.teamMemberId}`)).entries;
    expect(said(byTeam)).toEqual([
      'xác nhận đã chia sẻ bài vào nhóm “Bài tuyên truyền thử — Nhóm Zalo Khu phố 1”',
      `nộp ảnh minh chứng “${work}”`,
      `nộp ảnh minh chứng “${work}”`,
    ]);
    const byCampaign = (await audit(`campaignId=${w.campaignId}`)).entries;
    expect(said(byCampaign).slice(0, 5)).toEqual([
      'xác nhận đã chia sẻ bài vào nhóm “Bài tuyên truyền thử — Nhóm Zalo Khu phố 1”',
      `duyệt ảnh minh chứng “${work}”`,
      `trả lại ảnh minh chứng “${work}”`,
      `nộp ảnh minh chứng “${work}”`,
      `nộp ảnh minh chứng “${work}”`,
    ]);
    // Nothing of another campaign: the member added above belongs to none.
    expect(byCampaign.map((e) => e.action)).not.toContain('members.create');
  });

  it('pages back with before until the oldest entry, each entry once', async () => {
    const all = (await audit('limit=200')).entries.map((e) => e.id);
    expect(all.length).toBeGreaterThanOrEqual(5);
    const seen: number[] = [];
    let page = await audit('limit=2');
    seen.push(...page.entries.map((e) => e.id));
    while (page.next !== null) {
      expect(page.entries).toHaveLength(2);
      page = await audit(`limit=2&before=${page.next}`);
      seen.push(...page.entries.map((e) => e.id));
    }
    expect(seen).toEqual(all);
    expect((await audit('limit=200')).next).toBeNull();
  });
});
