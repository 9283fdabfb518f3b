import type { ConversationList, ConversationMessage, ConversationThread } from '@loa/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../lib/request';

/** The inbox moves while people write: it asks again every few seconds while open. */
const POLL_MS = 5_000;

export function useConversations(filter: 'staff' | 'all') {
  return useQuery({
    queryKey: ['conversations', filter],
    queryFn: ({ signal }) => request<ConversationList>(`/api/conversations?filter=${filter}`, { signal }),
    refetchInterval: POLL_MS,
  });
}

export function useThread(id: string) {
  return useQuery({
    queryKey: ['conversations', 'thread', id],
    queryFn: ({ signal }) => request<ConversationThread>(`/api/conversations/${id}`, { signal }),
    refetchInterval: POLL_MS,
  });
}

function useInboxWrite<I, O>(write: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => client.invalidateQueries({ queryKey: ['conversations'] }),
  });
}

export const useMarkRead = () =>
  useInboxWrite((id: string) =>
    request<{ ok: boolean }>(`/api/conversations/${id}/read`, { method: 'POST' }),
  );

export const useStaffReply = (id: string) =>
  useInboxWrite((input: { text: string; requestId: string }) =>
    request<ConversationMessage>(`/api/conversations/${id}/replies`, { method: 'POST', body: input }),
  );

export const useCloseConversation = (id: string) =>
  useInboxWrite((how: 'resolve' | 'hand-back') =>
    request<ConversationThread>(`/api/conversations/${id}/${how}`, { method: 'POST' }),
  );
