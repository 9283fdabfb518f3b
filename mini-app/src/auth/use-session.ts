/**
 * Who is using the app. Minimal version: reads what sign-in stored under `loa.session` in
 * localStorage (`{token, member}`). The Zalo sign-in feature owns writing it; this hook only reads.
 */
import { useSyncExternalStore } from 'react';

export type SessionRole = 'admin' | 'staff' | 'leader' | 'team_lead' | 'team_member' | 'resident';

export interface SessionInfo {
  memberId: string;
  role: SessionRole;
  unitId: string | null;
  wardId: string;
  fullName: string;
}

export const SESSION_STORAGE_KEY = 'loa.session';

interface StoredSession {
  token: string;
  member: Partial<SessionInfo> & { id?: string };
}

function readStored(): StoredSession | null {
  try {
    const raw = globalThis.localStorage?.getItem(SESSION_STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as StoredSession;
    return typeof parsed?.token === 'string' && parsed.member ? parsed : null;
  } catch (error) {
    // A corrupt entry means "not signed in"; the sign-in screen will overwrite it.
    console.warn('ignoring unreadable session', error);
    return null;
  }
}

/** The bearer token for API calls, or undefined when nobody is signed in. */
export function storedSessionToken(): string | undefined {
  return readStored()?.token;
}

let cachedRaw: string | null | undefined;
let cachedSession: SessionInfo | null = null;

function snapshot(): SessionInfo | null {
  const raw = globalThis.localStorage?.getItem(SESSION_STORAGE_KEY) ?? null;
  if (raw === cachedRaw) return cachedSession;
  cachedRaw = raw;
  const stored = readStored();
  const m = stored?.member;
  cachedSession =
    m?.role && m.wardId
      ? {
          memberId: m.memberId ?? m.id ?? '',
          role: m.role,
          unitId: m.unitId ?? null,
          wardId: m.wardId,
          fullName: m.fullName ?? '',
        }
      : null;
  return cachedSession;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('storage', onChange);
  return () => window.removeEventListener('storage', onChange);
}

export function useSession(): { session: SessionInfo | null } {
  return { session: useSyncExternalStore(subscribe, snapshot, () => null) };
}
