import type {
  AssignReply,
  AssignTargets,
  Board,
  Campaign,
  CampaignFields,
  CampaignList,
  CampaignPatch,
  CampaignStatus,
  Task,
  TaskInput,
  TaskList,
  UnitList,
  UrgeReply,
} from '@loa/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../lib/request';

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: (status?: CampaignStatus) => ['campaigns', 'list', status ?? 'all'] as const,
  one: (id: string) => ['campaigns', id] as const,
  tasks: (id: string) => ['campaigns', id, 'tasks'] as const,
  board: (id: string) => ['campaigns', id, 'board'] as const,
};

export function useCampaigns(status?: CampaignStatus) {
  return useQuery({
    queryKey: campaignKeys.list(status),
    queryFn: ({ signal }) =>
      request<CampaignList>(status ? `/api/campaigns?status=${status}` : '/api/campaigns', { signal }),
    staleTime: 5_000,
  });
}

export function useCampaign(id: string | undefined) {
  return useQuery({
    queryKey: campaignKeys.one(id ?? 'none'),
    queryFn: ({ signal }) => request<Campaign>(`/api/campaigns/${id}`, { signal }),
    enabled: Boolean(id),
    staleTime: 5_000,
  });
}

export function useCampaignTasks(id: string) {
  return useQuery({
    queryKey: campaignKeys.tasks(id),
    queryFn: ({ signal }) => request<TaskList>(`/api/campaigns/${id}/tasks`, { signal }),
    staleTime: 5_000,
  });
}

export function useUnits() {
  return useQuery({
    queryKey: ['units'],
    queryFn: ({ signal }) => request<UnitList>('/api/units', { signal }),
  });
}

/** The board refreshes itself while open: teams acknowledge from their phones. */
export function useBoard(id: string | undefined) {
  return useQuery({
    queryKey: campaignKeys.board(id ?? 'none'),
    queryFn: ({ signal }) => request<Board>(`/api/campaigns/${id}/board`, { signal }),
    enabled: Boolean(id),
    staleTime: 0,
    refetchInterval: 5_000,
  });
}

export function useSaveCampaign(id: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (fields: CampaignFields | CampaignPatch) =>
      id
        ? request<Campaign>(`/api/campaigns/${id}`, { method: 'PATCH', body: fields })
        : request<Campaign>('/api/campaigns', { method: 'POST', body: fields }),
    onSuccess: (campaign) => {
      client.setQueryData(campaignKeys.one(campaign.id), campaign);
      void client.invalidateQueries({ queryKey: campaignKeys.all });
    },
  });
}

export function useCampaignAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (verb: 'approve' | 'activate' | 'close') =>
      request<Campaign>(`/api/campaigns/${id}/${verb}`, { method: 'POST' }),
    onSuccess: (campaign) => {
      client.setQueryData(campaignKeys.one(campaign.id), campaign);
      void client.invalidateQueries({ queryKey: campaignKeys.all });
    },
  });
}

export function useCreateTask(campaignId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TaskInput) =>
      request<Task>(`/api/campaigns/${campaignId}/tasks`, { method: 'POST', body: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: campaignKeys.one(campaignId) }),
  });
}

export function useAssignTask(campaignId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, targets }: { taskId: string; targets: AssignTargets }) =>
      request<AssignReply>(`/api/tasks/${taskId}/assignments`, { method: 'POST', body: targets }),
    onSuccess: () => void client.invalidateQueries({ queryKey: campaignKeys.one(campaignId) }),
  });
}

export function useUrge(campaignId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (target: { assignmentId: string } | 'all-late') =>
      request<UrgeReply>(
        target === 'all-late'
          ? `/api/campaigns/${campaignId}/urge-late`
          : `/api/assignments/${target.assignmentId}/urge`,
        { method: 'POST' },
      ),
    onSuccess: () => void client.invalidateQueries({ queryKey: campaignKeys.board(campaignId) }),
  });
}
