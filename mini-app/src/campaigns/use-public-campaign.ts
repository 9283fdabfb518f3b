import type { PublicCampaignReply } from '@loa/shared';
import { useQuery } from '@tanstack/react-query';
import { useSession } from '../auth/use-session';
import { request } from '../lib/request';

export type PublicCampaign = NonNullable<PublicCampaignReply['campaign']>;

/**
 * A resident's link may name the ward (`?ward=phuong-ben-nghe`). Read from the real address bar: the
 * in-app router is a memory router and never sees it. Without it the request names no ward and the server decides.
 */
export function wardFromLocation(
  search = typeof window === 'undefined' ? '' : window.location.search,
): string | undefined {
  return new URLSearchParams(search).get('ward')?.trim() || undefined;
}

export function publicCampaignPath(ward?: string): string {
  return ward ? `/api/public/campaign?ward=${encodeURIComponent(ward)}` : '/api/public/campaign';
}

export const publicCampaignKey = (ward: string | undefined) => ['public-campaign', ward ?? null] as const;

/**
 * The ward Trang chủ shows: the one the link names (a resident's link, or anyone's); else, for a
 * signed-in person, their own ward (a member of a second ward must not land on the default ward's
 * news); else none, and the server answers with its default ward. A session kept from before profiles
 * carried the slug has none either. Follows sign-in and sign-out.
 */
export function useHomeWard(): string | undefined {
  const { session } = useSession();
  return wardFromLocation() ?? session?.member.wardSlug;
}
/** The ward and its current campaign (null when none is running), as anyone may read them. */
export function usePublicCampaign() {
  const ward = useHomeWard();
  return useQuery({
    queryKey: publicCampaignKey(ward),
    queryFn: ({ signal }) => request<PublicCampaignReply>(publicCampaignPath(ward), { signal }),
    staleTime: 0, // a post approved a moment ago shows on the next visit to Trang chủ
  });
}
