/**
 * The first screens' last answers, kept on the phone (nativeStorage inside Zalo, else localStorage),
 * so an app opened again shows Trang chủ and Nhiệm vụ at once, even with no network, with the time
 * they were fetched (last-updated.tsx), and then refreshes them. Only those two answers are kept, and
 * only for the person signed in when they were fetched: sign-out (or a session the server refused)
 * forgets the member's part at once.
 *
 * Built on TanStack Query's own dehydrate/hydrate. Its persister packages lag behind the Query
 * version the app uses and would bring a second copy of query-core into the phone's download.
 */
import { type DehydratedState, dehydrate, hydrate, type QueryClient } from '@tanstack/react-query';
import { getSession, subscribe } from '../auth/session-store';
import { publicCampaignKey } from '../campaigns/use-public-campaign';
import { storage } from '../lib/zalo';
import { assignmentKeys } from '../tasks/use-assignments';

export const LAST_KNOWN_KEY = 'loa.last-known';
/** A new shape of the kept data changes this, so an older copy is dropped rather than misread. */
const VERSION = 1;
/** Older than this, a copy says more about the past than about today. */
const MAX_AGE_MS = 30 * 24 * 3600_000;

interface Kept {
  version: number;
  /** Whose tasks these are (null: nobody was signed in, only public data). */
  memberId: string | null;
  savedAt: number;
  state: DehydratedState;
}

const PUBLIC_ROOT = publicCampaignKey(undefined)[0];
const memberOnly = (key: readonly unknown[]) =>
  key[0] === assignmentKeys.mine[0] && key[1] === assignmentKeys.mine[1];
const kept = (key: readonly unknown[]) => key[0] === PUBLIC_ROOT || memberOnly(key);

function read(): Kept | null {
  const raw = storage.get(LAST_KNOWN_KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Kept;
    if (parsed.version !== VERSION || Date.now() - parsed.savedAt > MAX_AGE_MS) return null;
    return parsed;
  } catch (error) {
    console.warn('kept data unreadable; starting without it', error);
    return null;
  }
}

function save(client: QueryClient): void {
  const memberId = getSession()?.member.id ?? null;
  const state = dehydrate(client, {
    shouldDehydrateQuery: (query) =>
      query.state.status === 'success' &&
      kept(query.queryKey) &&
      (memberId !== null || !memberOnly(query.queryKey)),
  });
  const value: Kept = { version: VERSION, memberId, savedAt: Date.now(), state };
  storage.set(LAST_KNOWN_KEY, JSON.stringify(value));
}

const withoutMember = (state: DehydratedState): DehydratedState => ({
  ...state,
  queries: state.queries.filter((query) => !memberOnly(query.queryKey)),
});

/** Puts the kept answers into the cache before the first render; a member's only for that member. */
export function restoreLastKnown(client: QueryClient): void {
  const value = read();
  if (!value) return;
  const memberId = getSession()?.member.id ?? null;
  const state = value.memberId === memberId ? value.state : withoutMember(value.state);
  try {
    hydrate(client, state);
  } catch (error) {
    console.warn('kept data not restored', error);
  }
}

/**
 * Keeps the kept answers up to date as they arrive, and forgets the member's on sign-out. Returns the
 * function that stops both (tests).
 */
export function keepLastKnown(client: QueryClient): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stopCache = client.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success' || !kept(event.query.queryKey)) return;
    // Answers come in bursts at start-up: one write for the burst.
    clearTimeout(timer);
    timer = setTimeout(() => save(client), 300);
  });
  let signedIn = getSession()?.member.id ?? null;
  const stopSession = subscribe(() => {
    const now = getSession()?.member.id ?? null;
    if (now === signedIn) return;
    signedIn = now;
    clearTimeout(timer);
    // Everything but the ward's public page: another person may use this phone next.
    client.removeQueries({ predicate: (query) => query.queryKey[0] !== PUBLIC_ROOT });
    const value = read();
    if (value)
      storage.set(
        LAST_KNOWN_KEY,
        JSON.stringify({ ...value, memberId: now, state: withoutMember(value.state) }),
      );
  });
  return () => {
    clearTimeout(timer);
    stopCache();
    stopSession();
  };
}
