import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { addApprovedPost, addGroups, addSchedule, deliveryRows, makeEngine } from '../helpers/broadcasts.js';
import { createWard } from '../helpers/factories.js';
import { FakeZalo } from '../helpers/fake-zalo.js';

const DUE = '2026-05-18T07:00:00+07:00';

describe('delivery ledger: failures and crashes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  /** One approved post scheduled once into `n` fresh OA groups. */
  async function oneShot(n = 1) {
    const ward = await createWard(t.app.db);
    const groups = await addGroups(t.app.db, ward, n);
    const postId = await addApprovedPost(t.app.db, ward, `Bài thử ${Math.random()}`);
    await addSchedule(t.app.db, ward, postId, { runAt: DUE }, { groupIds: groups.map((g) => g.id) });
    return { groups, postId };
  }
  const at = (minutes: number) => new Date(new Date(DUE).getTime() + minutes * 60_000);

  it('a lease expiring mid-send (crash after Zalo accepted) becomes unknown and is reconciled, not resent', async () => {
    const { groups, postId } = await oneShot();
    let clock = at(0);
    const zalo = new FakeZalo(() => clock);
    zalo.failNext('accept_then_hang'); // the instance "dies" while waiting for Zalo's answer
    const crashed = makeEngine(t.app, zalo, { owner: 'crashed', leaseMs: 60 * 60_000 });
    void crashed.runOnce(clock);
    await expect.poll(() => zalo.accepted.length).toBe(1);
    expect((await deliveryRows(t.app.db, postId))[0]?.status).toBe('sending');

    clock = at(61); // a second instance comes along after the lease has run out
    const survivor = makeEngine(t.app, zalo, { owner: 'survivor' });
    await survivor.runOnce(clock); // lease expired → unknown (reconcile waits a few seconds)
    await survivor.runOnce(at(62));
    const [row] = await deliveryRows(t.app.db, postId);
    expect(row).toMatchObject({ status: 'sent', zaloMessageId: zalo.accepted[0]?.messageId });
    expect(zalo.countTo(groups[0]!.zaloGroupId!)).toBe(1);
    expect(zalo.listCalls).toBeGreaterThan(0);
  });

  it('a crash before Zalo took the message is reconciled, finds nothing, and sends once', async () => {
    const { groups, postId } = await oneShot();
    // A tick makes the ledger row exist (Zalo refuses this first call with a 503: nothing is sent).
    const zalo = new FakeZalo(() => at(5));
    zalo.failNext('retryable');
    const engine = makeEngine(t.app, zalo);
    await engine.runOnce(at(0));
    expect((await deliveryRows(t.app.db, postId)).map((r) => r.status)).toEqual(['queued']);
    const crashed = await t.app.db.withSystem((c) =>
      // As left by an instance killed between its claim and its call.
      c.query(
        `UPDATE deliveries SET status = 'sending', lease_owner = 'dead', lease_until = $2, attempt_started_at = $3, attempts = 1
          WHERE occurrence_id IN (SELECT id FROM occurrences WHERE post_id = $1)`,
        [postId, at(1), at(0)],
      ),
    );
    expect(crashed.rowCount).toBe(1);
    await engine.runOnce(at(5));
    await engine.runOnce(at(6));
    const rows = await deliveryRows(t.app.db, postId);
    expect(rows.map((r) => r.status)).toEqual(['sent']);
    expect(zalo.listCalls).toBeGreaterThan(0); // it looked before sending
    expect(zalo.countTo(groups[0]!.zaloGroupId!)).toBe(1);
  });

  it('an answer lost after acceptance is reconciled by text and recorded with Zalo’s id', async () => {
    const { groups, postId } = await oneShot();
    const zalo = new FakeZalo(() => at(0));
    zalo.failNext('accept_then_unknown');
    const engine = makeEngine(t.app, zalo);
    await engine.runOnce(at(0));
    const [lost] = await deliveryRows(t.app.db, postId);
    expect(lost?.status).toBe('unknown');
    expect(lost?.errorReason).toMatch(/đối chiếu/);
    await engine.runOnce(at(1));
    expect(await deliveryRows(t.app.db, postId)).toMatchObject([{ status: 'sent', zaloMessageId: 'msg-1' }]);
    expect(zalo.countTo(groups[0]!.zaloGroupId!)).toBe(1);
  });

  it('an unknown row stays unknown while Zalo cannot be asked, and is never resent blindly', async () => {
    const { groups, postId } = await oneShot();
    const zalo = new FakeZalo(() => at(0));
    zalo.failNext('accept_then_unknown');
    const engine = makeEngine(t.app, zalo);
    await engine.runOnce(at(0));
    const listing = zalo.listRecentGroupMessages.bind(zalo);
    zalo.listRecentGroupMessages = async () => {
      throw new (await import('../../server/src/zalo/errors.js')).ZaloApiError(
        'retryable',
        502,
        'Zalo lỗi 502.',
      );
    };
    await engine.runOnce(at(1));
    expect((await deliveryRows(t.app.db, postId))[0]?.status).toBe('unknown');
    zalo.listRecentGroupMessages = listing;
    await engine.runOnce(at(30));
    expect((await deliveryRows(t.app.db, postId))[0]?.status).toBe('sent');
    expect(zalo.countTo(groups[0]!.zaloGroupId!)).toBe(1);
  });

  it.each([
    ['retryable', /quá tải.*tự gửi lại/],
    ['rate_limited', /chậm lại.*tự gửi lại/],
    ['token', /hết hạn.*tự gửi lại/],
  ] as const)(
    '%s: stays queued with a later retry and the reason, then goes out once',
    async (kind, reason) => {
      const { groups, postId } = await oneShot();
      const zalo = new FakeZalo(() => at(0));
      zalo.failNext(kind);
      const engine = makeEngine(t.app, zalo);
      await engine.runOnce(at(0));
      const [row] = await deliveryRows(t.app.db, postId);
      expect(row?.status).toBe('queued');
      expect(row?.errorReason).toMatch(reason);
      expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(at(0).getTime());
      await engine.runOnce(at(0)); // not yet due again: backoff holds
      expect(zalo.countTo(groups[0]!.zaloGroupId!)).toBe(0);
      await engine.runOnce(at(15));
      expect((await deliveryRows(t.app.db, postId))[0]?.status).toBe('sent');
      expect(zalo.countTo(groups[0]!.zaloGroupId!)).toBe(1);
    },
  );

  it('rate_limited slows the sender down and pauses it', async () => {
    await oneShot();
    const zalo = new FakeZalo(() => at(0));
    zalo.failNext('rate_limited');
    const engine = makeEngine(t.app, zalo, { ratePerMinute: 6000 });
    const limiter = engine.limiterFor(null); // the test ward has no OA id; the fake answers for any
    const ceiling = limiter.currentPerMinute; // 1.5 × the average unless configured
    await engine.runOnce(at(0));
    expect(limiter.currentPerMinute).toBe(Math.round(ceiling * 0.7));
    const started = performance.now();
    await limiter.take(); // nothing goes out for half a second after -32
    expect(performance.now() - started).toBeGreaterThan(400);
    await engine.close();
  });

  it.each([
    ['permanent', /giải tán.*gia hạn/],
    ['unreachable', /7 ngày/],
  ] as const)('%s: failed with a reason a person can act on, not retried', async (kind, reason) => {
    const { groups, postId } = await oneShot();
    const zalo = new FakeZalo(() => at(0));
    zalo.failNext(kind);
    const engine = makeEngine(t.app, zalo);
    await engine.runOnce(at(0));
    await engine.runOnce(at(60));
    const [row] = await deliveryRows(t.app.db, postId);
    expect(row?.status).toBe('failed');
    expect(row?.errorReason).toMatch(reason);
    expect(zalo.countTo(groups[0]!.zaloGroupId!)).toBe(0);
  });

  it('a Zalo outage loses nothing: rows stay queued and visible, then all go out once', async () => {
    const { groups, postId } = await oneShot(5);
    const zalo = new FakeZalo(() => at(0));
    zalo.failNext(...Array(40).fill('retryable'));
    const engine = makeEngine(t.app, zalo);
    for (let m = 0; m < 120; m += 10) await engine.runOnce(at(m));
    const during = await deliveryRows(t.app.db, postId);
    expect(during).toHaveLength(5);
    expect(during.every((r) => r.status === 'queued' || r.status === 'sent')).toBe(true);
    for (let m = 120; m < 24 * 60; m += 10) await engine.runOnce(at(m));
    expect((await deliveryRows(t.app.db, postId)).every((r) => r.status === 'sent')).toBe(true);
    expect(groups.map((g) => zalo.countTo(g.zaloGroupId!))).toEqual([1, 1, 1, 1, 1]);
  });
});
