/**
 * The signed-in person: kept in storage (nativeStorage inside Zalo), handed to the API client, and
 * dropped on any 401 so the app goes back to sign-in.
 */
import type { MemberProfile, SignInReply } from '@loa/shared';
import { setSessionToken, setUnauthorizedHandler } from '../lib/request';
import { storage } from '../lib/zalo';

const KEY = 'loa.session';

export interface Session {
  token: string;
  member: MemberProfile;
}

let current: Session | null = load();
const listeners = new Set<() => void>();
setSessionToken(current?.token);
setUnauthorizedHandler(() => signOut());

function load(): Session | null {
  const raw = storage.get(KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Session;
    return parsed.token && parsed.member ? parsed : null;
  } catch (error) {
    console.warn('stored session unreadable; signing out', error);
    return null;
  }
}

function publish(next: Session | null): void {
  current = next;
  setSessionToken(next?.token);
  for (const listener of listeners) listener();
}

export function getSession(): Session | null {
  return current;
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function saveSession(reply: SignInReply): void {
  const session = { token: reply.token, member: reply.member };
  storage.set(KEY, JSON.stringify(session));
  publish(session);
}

export function signOut(): void {
  storage.remove(KEY);
  publish(null);
}
