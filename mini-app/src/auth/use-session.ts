import type { MeReply, SignInReply } from '@loa/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { request } from '../lib/request';
import { getSession, saveSession, signOut, subscribe } from './session-store';

/** The signed-in person (or null), re-rendering on sign-in and sign-out. */
export function useSession() {
  const session = useSyncExternalStore(subscribe, getSession);
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
    mutationFn: (body: { accessToken: string; phoneToken?: string }) =>
      request<SignInReply>('/api/auth/zalo', { method: 'POST', body }),
    onSuccess: saveSession,
  });
}

export const roleLabels: Record<string, string> = {
  admin: 'Quản trị',
  staff: 'Cán bộ',
  leader: 'Lãnh đạo',
  team_lead: 'Tổ trưởng',
  team_member: 'Thành viên tổ',
  resident: 'Người dân',
};
