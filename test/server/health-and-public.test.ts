import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';

describe('health and the public campaign page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ seed: true });
  });
  afterAll(() => t.close());

  it('GET /health checks the database and the Zalo OA grant', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', checks: { database: { ok: true }, zalo: { ok: true } } });
  });

  it('reports down with 503 when a critical check fails', async () => {
    t.app.healthChecks.set('broken', async () => ({ ok: false, message: 'Hỏng' }));
    try {
      const response = await t.app.inject({ method: 'GET', url: '/health' });
      expect(response.statusCode).toBe(503);
      expect(response.json().status).toBe('down');
    } finally {
      t.app.healthChecks.delete('broken');
    }
  });

  it('sets request, headers, idle and keep-alive timeouts (Fastify sets none)', () => {
    expect(t.app.server.requestTimeout).toBe(300_000);
    expect(t.app.server.headersTimeout).toBe(30_000);
    expect(t.app.server.timeout).toBe(120_000);
    expect(t.app.server.keepAliveTimeout).toBe(72_000);
  });

  it('never shows a failing check’s internal error to the public, only a Vietnamese pointer to the log', async () => {
    const internal = 'password authentication failed for user "loa_app" at 10.0.3.7:5432';
    t.app.healthChecks.set('database2', async () => {
      throw new Error(internal);
    });
    try {
      const response = await t.app.inject({ method: 'GET', url: '/health' });
      expect(response.statusCode).toBe(503);
      expect(response.body).not.toContain('loa_app');
      expect(response.body).not.toContain('10.0.3.7');
      expect(response.json().checks.database2).toEqual({
        ok: false,
        message: expect.stringMatching(/nhật ký máy chủ/),
      });
    } finally {
      t.app.healthChecks.delete('database2');
    }
  });

  it('shows the Dầu Giây campaign: theme, slogan and period from the plan', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/public/campaign' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.ward.name).toBe('Phường Dầu Giây');
    expect(body.campaign.theme).toBe(
      'Khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số - Động lực chính của mô hình tăng trưởng mới',
    );
    expect(body.campaign.slogans).toEqual([
      'Nhiệt liệt chào mừng Ngày Khoa học, Công nghệ và Đổi mới sáng tạo Việt Nam 18/5',
    ]);
    expect([body.campaign.startsOn, body.campaign.endsOn]).toEqual(['2026-05-18', '2026-05-24']);
  });

  it('shows residents no post that was not sent: approved, draft and archived posts stay off Trang chủ', async () => {
    const before = (await t.app.inject({ method: 'GET', url: '/api/public/campaign' })).json();
    expect(before.posts).toEqual([]);
    const ids = await t.app.db.withSystem(async (client) => {
      const { rows } = await client.query<{ id: string; body: string }>(
        `WITH current AS (SELECT id, ward_id FROM campaigns WHERE status = 'active' LIMIT 1),
              other AS (
                INSERT INTO campaigns (ward_id, title, theme, starts_on, ends_on, status)
                SELECT ward_id, 'Kế hoạch cũ', 'Chủ đề cũ', '2025-01-01', '2025-01-07', 'closed' FROM current
                RETURNING id, ward_id)
         INSERT INTO posts (ward_id, campaign_id, body, status, approved_at)
         SELECT c.ward_id, c.id, p.body, p.status, p.approved_at::timestamptz
           FROM (VALUES
             ('current', 'Bài đã duyệt trước', 'approved', '2026-05-18T01:00:00Z'),
             ('current', 'Bài đã duyệt sau', 'approved', '2026-05-19T01:00:00Z'),
             ('current', 'Bài còn chờ duyệt', 'draft', NULL),
             ('current', 'Bài đã lưu trữ', 'archived', '2026-05-18T02:00:00Z'),
             ('other', 'Bài của kế hoạch cũ', 'approved', '2025-01-02T01:00:00Z')
           ) AS p(campaign, body, status, approved_at)
           JOIN (SELECT 'current' AS campaign, id, ward_id FROM current
                 UNION ALL SELECT 'other', id, ward_id FROM other) c USING (campaign)
         RETURNING id, body`,
      );
      return Object.fromEntries(rows.map((row) => [row.body, row.id]));
    });
    expect(Object.keys(ids)).toHaveLength(5);
    // Approval is not publication: residents read a post once it reached a group (the sending itself
    // is covered by public-sent-posts.test.ts).
    const response = await t.app.inject({ method: 'GET', url: '/api/public/campaign' });
    expect(response.statusCode).toBe(200);
    expect(response.json().posts).toEqual([]);
    expect(response.json().ward).toMatchObject({ slug: 'dau-giay', name: expect.any(String) });
  });

  it('seeds 17 teams, each with a khu phố group and two or three members, idempotently', async () => {
    const { seedDemoWardIfEmpty } = await import('../../server/src/seed/demo-ward.js');
    expect(await seedDemoWardIfEmpty(t.app.db)).toBe(false);
    const counts = await t.app.db.withSystem(async (client) => {
      const { rows } = await client.query<{ team: string; members: number; groups: number }>(
        `SELECT u.name AS team,
                (SELECT count(*)::int FROM members m WHERE m.unit_id = u.id) AS members,
                (SELECT count(*)::int FROM zalo_groups g WHERE g.responsible_unit_id = u.id) AS groups
           FROM units u WHERE u.kind = 'digital_team'`,
      );
      return rows;
    });
    expect(counts).toHaveLength(17);
    for (const team of counts) {
      expect(team.groups).toBe(1);
      expect(team.members).toBeGreaterThanOrEqual(2);
      expect(team.members).toBeLessThanOrEqual(3);
    }
  });

  it('an unknown ward is a 404 in Vietnamese', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/public/campaign?ward=khong-co' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({
      code: 'WARD_NOT_FOUND',
      message: expect.stringContaining('phường'),
    });
  });

  it('a malformed query is a 400 that names the field', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/public/campaign?ward=${'x'.repeat(100)}`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/“Mã phường” không được dài quá 80 ký tự/);
  });

  it('an unknown route is a 404 in Vietnamese, and the OpenAPI document lists the routes', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/api/khong-ton-tai' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toContain('Không có đường dẫn');
    const docs = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(docs.statusCode).toBe(200);
    expect(Object.keys(docs.json().paths)).toEqual(
      expect.arrayContaining(['/health', '/api/public/campaign']),
    );
  });
});
