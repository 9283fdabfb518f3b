import type { SentPostReply } from '@loa/shared';
import { useQuery } from '@tanstack/react-query';
import { wardFromLocation } from '../campaigns/use-public-campaign';
import { request } from '../lib/request';

export const sentPostApiPath = (ward: string, id: string) =>
  `/api/public/wards/${encodeURIComponent(ward)}/posts/${encodeURIComponent(id)}`;

/**
 * One sent post of the ward the link names. Without a ward in the link, the ward Trang chủ shows
 * (`fallbackWard`, from the public campaign answer) is asked once it is known.
 */
export function useSentPost(id: string | undefined, fallbackWard: string | undefined) {
  const ward = wardFromLocation() ?? fallbackWard;
  return useQuery({
    queryKey: ['sent-post', ward ?? null, id ?? null],
    enabled: Boolean(ward && id),
    queryFn: ({ signal }) => request<SentPostReply>(sentPostApiPath(ward!, id!), { signal }),
  });
}
