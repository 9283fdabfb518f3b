import { wardDayOf } from '@loa/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { buildTestApp, TEST_SESSION_SECRET, type TestApp, testConfig } from '../helpers/app.js';
import { addApprovedPost, addGroups, addSchedule, deliveryRows, makeEngine } from '../helpers/broadcasts.js';
import { createWard } from '../helpers/factories.js';
import { FakeZalo } from '../helpers/fake-zalo.js';

// The ward's times must not depend on the server's zone: run these tests far from Viet Nam.
process.env.TZ = 'America/Los_Angeles';

describe('delivery ledger: a week of schedules', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('sends every occurrence of 07:00 and 17:00 from 18/5 to 24/5 exactly once, at ward time', async () => {
    const ward = await createWard(t.app.db);
    const groups = await addGroups(t.app.db, ward, 3, 1);
    const postId = await addApprovedPost(
      t.app.db,
      ward,
      'Hưởng ứng Ngày Khoa học và Công nghệ Việt Nam 18/5',
    );
    await addSchedule(
      t.app.db,
      ward,
      postId,
      { timesOfDay: ['07:00', '17:00'], startsOn: '2026-05-18', endsOn: '2026-05-24' },
      { groupIds: groups.map((g) => g.id) },
    );
    let clock = new Date('2026-05-17T00:00:00+07:00');
    const zalo = new FakeZalo(() => clock);
    const engine = makeEngine(t.app, zalo);
    // Zalo misbehaves on the way: a 5xx, a rate limit, an accepted-then-lost answer.
    zalo.failNext('retryable', 'rate_limited', 'accept_then_unknown');
    for (; clock < new Date('2026-05-25T12:00:00+07:00'); clock = new Date(clock.getTime() + 30 * 60_000)) {
      await engine.runOnce(clock);
    }

    for (const group of groups.filter((g) => g.mode === 'oa_group')) {
      const messages = zalo.accepted.filter((m) => m.to === group.zaloGroupId);
      expect(messages).toHaveLength(14);
      const hours = messages.map((m) => new Date(m.sentAt.getTime() + 7 * 3_600_000).getUTCHours());
      // Sent within the tick after each due time (retries included): 07:xx and 17:xx ward time.
      expect(new Set(hours)).toEqual(new Set([7, 17]));
      expect(new Set(messages.map((m) => wardDayOf(m.sentAt))).size).toBe(7);
      expect(messages[0]?.text).toContain('Hưởng ứng Ngày Khoa học');
    }
    const rows = await deliveryRows(t.app.db, postId);
    expect(rows).toHaveLength(14 * 4);
    const dueHours = new Set(rows.map((r) => new Date(r.dueAt.getTime() + 7 * 3_600_000).getUTCHours()));
    expect(dueHours).toEqual(new Set([7, 17]));
    expect(rows.filter((r) => r.targetKind === 'oa_group').every((r) => r.status === 'sent')).toBe(true);
    // A team-share group waits for its team; the OA never posts into it.
    expect(rows.filter((r) => r.targetKind === 'team_share').every((r) => r.status === 'waiting')).toBe(true);
    const ids = rows.map((r) => r.zaloMessageId).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
  }, 120_000);
});

describe('delivery ledger: two instances on one database', () => {
  let t: TestApp;
  let second: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    t = await buildTestApp();
    second = await buildApp(
      { ...testConfig(), databaseUrl: t.databaseUrl, sessionSecret: TEST_SESSION_SECRET },
      { logger: false },
    );
    await second.ready();
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  it('two dispatchers racing over 120 groups send each post once per group', async () => {
    const ward = await createWard(t.app.db);
    const groups = await addGroups(t.app.db, ward, 120);
    const postId = await addApprovedPost(t.app.db, ward, 'Thông báo: chương trình giới thiệu chuyển đổi số');
    await addSchedule(
      t.app.db,
      ward,
      postId,
      { runAt: '2026-05-18T07:00:00+07:00' },
      { groupIds: groups.map((g) => g.id) },
    );
    let clock = new Date('2026-05-18T07:00:00+07:00');
    const zalo = new FakeZalo(() => clock);
    zalo.failNext('retryable', 'accept_then_unknown', 'token', 'accept_then_unknown', 'retryable');
    const a = makeEngine(t.app, zalo, { owner: 'a' });
    const b = makeEngine(second, zalo, { owner: 'b' });
    for (let i = 0; i < 30; i++) {
      await Promise.all([a.runOnce(clock), b.runOnce(clock), a.runOnce(clock)]);
      clock = new Date(clock.getTime() + 60_000);
    }
    const perGroup = groups.map((g) => zalo.countTo(g.zaloGroupId!));
    expect(perGroup.filter((n) => n !== 1)).toEqual([]);
    const rows = await deliveryRows(t.app.db, postId);
    expect(rows.map((r) => r.status).filter((s) => s !== 'sent')).toEqual([]);
  });
});
