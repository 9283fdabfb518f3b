/** Server data of the ward set-up screens (ward, places, units, members, groups, audit). */
import type {
  AuditList,
  GroupFields,
  GroupPatch,
  MemberFields,
  MemberImportReply,
  MemberInviteReply,
  MemberList,
  MemberPatch,
  OaGroupList,
  Place,
  PlaceFields,
  PlaceList,
  PlacePatch,
  SetupGroup,
  SetupGroupList,
  SetupUnit,
  SetupUnitFields,
  SetupUnitList,
  SetupUnitPatch,
  WardSettings,
  WardSettingsPatch,
} from '@loa/shared';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../lib/request';

export const wardKeys = {
  all: ['ward'] as const,
  ward: ['ward', 'settings'] as const,
  places: ['ward', 'places'] as const,
  units: ['ward', 'units'] as const,
  members: ['ward', 'members'] as const,
  groups: ['ward', 'groups'] as const,
  oaGroups: ['ward', 'oa-groups'] as const,
  audit: (campaignId: string, memberId: string) => ['audit', campaignId, memberId] as const,
};

const get =
  <T>(path: string) =>
  ({ signal }: { signal: AbortSignal }) =>
    request<T>(path, { signal });

export const useWard = () => useQuery({ queryKey: wardKeys.ward, queryFn: get<WardSettings>('/api/ward') });
export const usePlaces = () =>
  useQuery({ queryKey: wardKeys.places, queryFn: get<PlaceList>('/api/ward/places') });
export const useSetupUnits = () =>
  useQuery({ queryKey: wardKeys.units, queryFn: get<SetupUnitList>('/api/ward/units') });
export const useMembers = () =>
  useQuery({ queryKey: wardKeys.members, queryFn: get<MemberList>('/api/ward/members') });
export const useGroups = () =>
  useQuery({ queryKey: wardKeys.groups, queryFn: get<SetupGroupList>('/api/ward/groups') });
/** Only when asked: it calls Zalo. */
export const useOaGroups = (enabled: boolean) =>
  useQuery({ queryKey: wardKeys.oaGroups, queryFn: get<OaGroupList>('/api/ward/groups/zalo'), enabled });
/** The log newest first, a page at a time: each next page starts before the last entry shown. */
export const useAudit = (campaignId: string, memberId: string) =>
  useInfiniteQuery({
    queryKey: wardKeys.audit(campaignId, memberId),
    initialPageParam: null as number | null,
    queryFn: ({ pageParam, signal }) =>
      request<AuditList>(
        `/api/audit?${new URLSearchParams({
          ...(campaignId ? { campaignId } : {}),
          ...(memberId ? { memberId } : {}),
          ...(pageParam === null ? {} : { before: String(pageParam) }),
        }).toString()}`,
        { signal },
      ),
    getNextPageParam: (last) => last.next,
  });

/** A write that refreshes every set-up list afterwards (units change members' and groups' names). */
function useWardWrite<I, O>(send: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => client.invalidateQueries({ queryKey: wardKeys.all }),
  });
}

export const useSaveWard = () =>
  useWardWrite((patch: WardSettingsPatch) =>
    request<WardSettings>('/api/ward', { method: 'PATCH', body: patch }),
  );
export const useAddPlace = () =>
  useWardWrite((fields: PlaceFields) => request<Place>('/api/ward/places', { method: 'POST', body: fields }));
export const useEditPlace = () =>
  useWardWrite(({ id, patch }: { id: string; patch: PlacePatch }) =>
    request<Place>(`/api/ward/places/${id}`, { method: 'PATCH', body: patch }),
  );
export const useEditUnit = () =>
  useWardWrite(({ id, patch }: { id: string; patch: SetupUnitPatch }) =>
    request<SetupUnit>(`/api/ward/units/${id}`, { method: 'PATCH', body: patch }),
  );
export const useAddUnit = () =>
  useWardWrite((fields: SetupUnitFields) =>
    request<SetupUnit>('/api/ward/units', { method: 'POST', body: fields }),
  );
export const useAddMember = () =>
  useWardWrite((fields: MemberFields) => request('/api/ward/members', { method: 'POST', body: fields }));
export const useEditMember = () =>
  useWardWrite(({ id, patch }: { id: string; patch: MemberPatch }) =>
    request(`/api/ward/members/${id}`, { method: 'PATCH', body: patch }),
  );
export const useInviteMember = () =>
  useMutation({
    mutationFn: (id: string) =>
      request<MemberInviteReply>(`/api/ward/members/${id}/invite`, { method: 'POST' }),
  });
export const useImportMembers = () =>
  useWardWrite((body: { fileName: string; contentBase64: string; commit: boolean }) =>
    request<MemberImportReply>('/api/ward/members/import', { method: 'POST', body }),
  );
export const useAddGroup = () =>
  useWardWrite((fields: GroupFields) =>
    request<SetupGroup>('/api/ward/groups', { method: 'POST', body: fields }),
  );
export const useEditGroup = () =>
  useWardWrite(({ id, patch }: { id: string; patch: GroupPatch }) =>
    request<SetupGroup>(`/api/ward/groups/${id}`, { method: 'PATCH', body: patch }),
  );
