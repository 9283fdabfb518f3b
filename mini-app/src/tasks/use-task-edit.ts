import type { Task, TaskPatch } from '@loa/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { campaignKeys } from '../campaigns/use-campaigns';
import { request } from '../lib/request';

/** Edit, cancel or delete a task; the campaign's task list, its board and the units' lists refresh. */
function useTaskWrite<I, O>(campaignId: string, send: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: campaignKeys.one(campaignId) });
      void client.invalidateQueries({ queryKey: ['assignments'] });
    },
  });
}

export const useEditTask = (campaignId: string, taskId: string) =>
  useTaskWrite(campaignId, (patch: TaskPatch) =>
    request<Task>(`/api/tasks/${taskId}`, { method: 'PATCH', body: patch }),
  );

export const useCancelTask = (campaignId: string, taskId: string) =>
  useTaskWrite(campaignId, (reason: string) =>
    request<Task>(`/api/tasks/${taskId}/cancel`, { method: 'POST', body: { reason } }),
  );

export const useDeleteTask = (campaignId: string, taskId: string) =>
  useTaskWrite(campaignId, () => request<null>(`/api/tasks/${taskId}`, { method: 'DELETE' }));
