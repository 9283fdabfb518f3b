import type { AckReply, Assignment, AssignmentList, DoneInput } from '@loa/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../lib/request';

export const assignmentKeys = {
  mine: ['assignments', 'mine'] as const,
  one: (id: string) => ['assignments', id] as const,
};

/** Nhiệm vụ's list, also asked at start-up when the app opens on it (lib/first-screen-prefetch.ts). */
export const myAssignmentsQuery = {
  queryKey: assignmentKeys.mine,
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    request<AssignmentList>('/api/me/assignments', { signal }),
  staleTime: 10_000,
};

export function useMyAssignments() {
  return useQuery(myAssignmentsQuery);
}

export function useAssignment(id: string | undefined) {
  return useQuery({
    queryKey: assignmentKeys.one(id ?? 'none'),
    queryFn: ({ signal }) => request<Assignment>(`/api/assignments/${id}`, { signal }),
    enabled: Boolean(id),
    staleTime: 0,
  });
}

export function useAcknowledge(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => request<AckReply>(`/api/assignments/${id}/ack`, { method: 'POST' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['assignments'] }),
  });
}

export function useMarkDone(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DoneInput) =>
      request<Assignment>(`/api/assignments/${id}/done`, { method: 'POST', body: input }),
    onSuccess: (assignment) => {
      client.setQueryData(assignmentKeys.one(id), assignment);
      void client.invalidateQueries({ queryKey: assignmentKeys.mine });
    },
  });
}
