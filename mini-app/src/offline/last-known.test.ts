import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../lib/query-client';
import { signInAs, testId } from '../test-utils';

const campaignReply = {
  ward: { id: testId(3), slug: 'dau-giay', name: 'Phường Dầu Giây' },
  campaign: null,
  posts: [],
};
const tasksReply = { assignments: [{ id: testId(9), title: 'Treo băng rôn' }] };

afterEach(() => {
  window.localStorage.clear();
  vi.useRealTimers();
  vi.resetModules();
});

/** A fresh app start (modules read the session and the kept data from storage again). */
async function start() {
  vi.resetModules();
  const lastKnown = await import('./last-known');
  const client = createQueryClient();
  lastKnown.restoreLastKnown(client);
  const stop = lastKnown.keepLastKnown(client);
  return { client, stop, sessionStore: await import('../auth/session-store') };
}

describe('the first screens kept on the phone', () => {
  it('come back on the next start with the time they were fetched, and nothing else is kept', async () => {
    signInAs('team_member', testId(1));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const first = await start();
    first.client.setQueryData(['public-campaign', null], campaignReply, { updatedAt: 1_000 });
    first.client.setQueryData(['assignments', 'mine'], tasksReply, { updatedAt: 2_000 });
    first.client.setQueryData(['campaigns', 'list'], { campaigns: ['not kept'] });
    vi.advanceTimersByTime(1_000);
    first.stop();

    const next = await start();
    expect(next.client.getQueryData(['public-campaign', null])).toEqual(campaignReply);
    expect(next.client.getQueryData(['assignments', 'mine'])).toEqual(tasksReply);
    expect(next.client.getQueryState(['assignments', 'mine'])?.dataUpdatedAt).toBe(2_000);
    expect(next.client.getQueryData(['campaigns', 'list'])).toBeUndefined();
    next.stop();
  });

  it('forgets the member’s tasks on sign-out, keeping only the ward’s public page', async () => {
    signInAs('team_member', testId(1));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const first = await start();
    first.client.setQueryData(['public-campaign', null], campaignReply);
    first.client.setQueryData(['assignments', 'mine'], tasksReply);
    vi.advanceTimersByTime(1_000);
    first.sessionStore.signOut();
    expect(first.client.getQueryData(['assignments', 'mine'])).toBeUndefined();
    expect(window.localStorage.getItem('loa.last-known')).not.toContain('Treo băng rôn');
    first.stop();

    const next = await start();
    expect(next.client.getQueryData(['assignments', 'mine'])).toBeUndefined();
    expect(next.client.getQueryData(['public-campaign', null])).toEqual(campaignReply);
    next.stop();
  });

  it('never shows one member’s kept tasks to another member signed in on the same phone', async () => {
    signInAs('team_member', testId(1));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const first = await start();
    first.client.setQueryData(['assignments', 'mine'], tasksReply);
    vi.advanceTimersByTime(1_000);
    first.stop();

    signInAs('team_member', testId(2)); // written straight to storage, as another app start would find it
    const next = await start();
    expect(next.client.getQueryData(['assignments', 'mine'])).toBeUndefined();
    next.stop();
  });
});
