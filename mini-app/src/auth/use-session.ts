import type { MemberProfile, MeReply, Role, SignInReply } from '@loa/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useSyncExternalStore } from 'react';
import { request } from '../lib/request';
import { getSession, saveSession, signOut, subscribe } from './session-store';

/** Who the person is in the ward; the names people read are `ROLE_NAMES_VI` in shared/. */
export type SessionRole = Role;

/** The stored session plus the fields screens check most (role, member id, unit). */
export interface SessionView {
  token: string;
  member: MemberProfile;
  /** null for a resident (not a member of any unit). */
  memberId: string | null;
  role: SessionRole;
  unitId: string | null;
  wardId: string;
  fullName: string;
}

/** The signed-in person (or null), re-rendering on sign-in and sign-out. */
export function useSession(): { session: SessionView | null; signOut: () => void } {
  const stored = useSyncExternalStore(subscribe, getSession);
  const session = useMemo<SessionView | null>(
    () =>
      stored && {
        token: stored.token,
        member: stored.member,
        memberId: stored.member.id,
        role: stored.member.role as SessionRole,
        unitId: stored.member.unitId ?? null,
        wardId: stored.member.wardId,
        fullName: stored.member.fullName,
      },
    [stored],
  );
  return { session, signOut };
}

/** The profile as the server sees it now (GET /api/me); a 401 signs the person out. */
export function useMe() {
  const { session } = useSession();
  return useQuery({
    queryKey: ['me', session?.token],
    queryFn: ({ signal }) => request<MeReply>('/api/me', { signal }),
    enabled: Boolean(session),
  });
}

/** POST /api/auth/zalo, then keep the session. */
export function useSignIn() {
  return useMutation({
    mutationFn: (body: { accessToken: string; phoneToken?: string; ward?: string }) =>
      request<SignInReply>('/api/auth/zalo', { method: 'POST', body }),
    onSuccess: saveSession,
  });
}

/** POST /api/auth/invite (a sign-in link from the ward), then keep the session. */
export function useInviteSignIn() {
  return useMutation({
    mutationFn: (body: { invite: string; accessToken: string }) =>
      request<SignInReply>('/api/auth/invite', { method: 'POST', body }),
    onSuccess: saveSession,
  });
}

/**
 * Sign-out: the server revokes this session's token first (a copied token stops working too), then
 * the phone forgets it. Without a network the phone forgets it anyway; the token then ends when it
 * expires.
 */
export function useSignOut() {
  return useMutation({
    mutationFn: async () => {
      try {
        await request<void>('/api/auth/sign-out', { method: 'POST' });
      } catch (error) {
        console.warn('sign-out not confirmed by the server; signing out on this phone', error);
      }
    },
    onSettled: signOut,
  });
}
