import type {
  Delivery,
  GroupOptionList,
  NotificationIssueList,
  OccurrenceUpdate,
  Post,
  PostImage,
  PostInput,
  PostPreview,
  PostPreviewInput,
  PostUpdate,
  ScheduleInput,
  ScheduleList,
  ShareTask,
} from '@loa/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request, uploadRaw } from '../lib/request';

const call = <T>(path: string, options: Parameters<typeof request>[1] = {}) => request<T>(path, options);

export function usePosts() {
  return useQuery({
    queryKey: ['posts'],
    queryFn: ({ signal }) => call<{ posts: Post[] }>('/api/posts', { signal }),
    staleTime: 0, // the leader approves in another phone: each visit to Bài đăng shows the current status
  });
}

/** Messages to people that did not go out (Bài đăng shows them for staff to call instead). */
export function useNotificationIssues() {
  return useQuery({
    queryKey: ['notification-issues'],
    queryFn: ({ signal }) => call<NotificationIssueList>('/api/notifications/issues', { signal }),
  });
}

export function usePost(id: string) {
  return useQuery({
    queryKey: ['posts', id],
    queryFn: ({ signal }) => call<Post>(`/api/posts/${id}`, { signal }),
  });
}

export function useSchedules(postId: string) {
  return useQuery({
    queryKey: ['posts', postId, 'schedules'],
    queryFn: ({ signal }) => call<ScheduleList>(`/api/posts/${postId}/schedules`, { signal }),
  });
}

export function useDeliveries(postId: string) {
  return useQuery({
    queryKey: ['posts', postId, 'deliveries'],
    queryFn: ({ signal }) => call<{ deliveries: Delivery[] }>(`/api/posts/${postId}/deliveries`, { signal }),
    refetchInterval: 15_000, // the ledger moves while sends go out
  });
}

export function useGroups() {
  return useQuery({
    queryKey: ['zalo-groups'],
    queryFn: ({ signal }) => call<GroupOptionList>('/api/zalo-groups', { signal }),
  });
}

export function useShareTasks() {
  return useQuery({
    queryKey: ['share-tasks'],
    queryFn: ({ signal }) => call<{ tasks: ShareTask[] }>('/api/share-tasks', { signal }),
    staleTime: 0, // new share tasks appear when the scheduler reaches them: each visit asks again
  });
}

/** Every write refreshes the posts it touches. */
function useWrite<I, O>(write: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['posts'] }),
        client.invalidateQueries({ queryKey: ['share-tasks'] }),
      ]),
  });
}

export const useCreatePost = () =>
  useWrite((input: PostInput) => call<Post>('/api/posts', { method: 'POST', body: input }));
export const useApprovePost = () =>
  useWrite((post: Pick<Post, 'id' | 'version'>) =>
    call<Post>(`/api/posts/${post.id}/approve`, { method: 'POST', body: { version: post.version } }),
  );
export const useSchedulePost = (postId: string) =>
  useWrite((input: ScheduleInput) =>
    call<{ id: string }>(`/api/posts/${postId}/schedules`, { method: 'POST', body: input }),
  );
export const useConfirmShared = () =>
  useWrite((id: string) => call<{ ok: boolean }>(`/api/deliveries/${id}/shared`, { method: 'POST' }));
export const useReportBroadcast = () =>
  useWrite((input: { id: string; broadcastCount: number }) =>
    call<{ ok: boolean }>(`/api/deliveries/${input.id}/broadcast`, {
      method: 'POST',
      body: { broadcastCount: input.broadcastCount },
    }),
  );

/** Exactly what the server would save and send for this text (link line and count included). */
export function usePostPreview(input: PostPreviewInput, enabled = true) {
  return useQuery({
    queryKey: ['post-preview', input],
    queryFn: ({ signal }) => call<PostPreview>('/api/posts/preview', { method: 'POST', body: input, signal }),
    enabled,
    placeholderData: keepPreviousData, // the count does not flash empty between keystrokes
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export const useUpdatePost = () =>
  useWrite(({ id, ...change }: PostUpdate & { id: string }) =>
    call<Post>(`/api/posts/${id}`, { method: 'PATCH', body: change }),
  );
export const useSendBack = () =>
  useWrite((input: { id: string; version: number; reason: string }) =>
    call<Post>(`/api/posts/${input.id}/send-back`, {
      method: 'POST',
      body: { version: input.version, reason: input.reason },
    }),
  );
export const useSetScheduleStatus = () =>
  useWrite((input: { id: string; status: 'active' | 'paused' | 'cancelled' }) =>
    call<{ ok: boolean }>(`/api/schedules/${input.id}`, { method: 'PATCH', body: { status: input.status } }),
  );
export const useEditOccurrence = () =>
  useWrite(({ id, ...change }: OccurrenceUpdate & { id: string }) =>
    call<{ ok: boolean }>(`/api/occurrences/${id}`, { method: 'PATCH', body: change }),
  );
export const useReportPlay = () =>
  useWrite((id: string) =>
    call<{ total: number }>(`/api/deliveries/${id}/plays`, { method: 'POST', body: {} }),
  );

/** The image file itself is the request body; the server decodes it and answers with its hash. */
export function useUploadPostImage() {
  return useMutation({ mutationFn: (file: Blob) => uploadRaw<PostImage>('/api/post-images', file) });
}
