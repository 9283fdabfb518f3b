/**
 * The ward's loudspeaker slots: the times of day (Vietnam time, 24 h) its loudspeakers broadcast. The
 * schedule form offers them when a post goes to the loudspeaker; this is where the office sets them.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../lib/request';

/** As many as the server takes (shared/ LoudspeakerSlots: 1 to 6 times a day). */
export const MAX_SLOTS = 6;

const slotsKey = ['loudspeaker-slots'] as const;
type Slots = { timesOfDay: string[] };

export function useLoudspeakerSlots() {
  return useQuery({
    queryKey: slotsKey,
    queryFn: ({ signal }) => request<Slots>('/api/loudspeaker/slots', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useSaveLoudspeakerSlots() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (timesOfDay: string[]) =>
      request<Slots>('/api/loudspeaker/slots', { method: 'PUT', body: { timesOfDay } }),
    onSuccess: (saved) => client.setQueryData(slotsKey, saved),
  });
}

/** Why this list cannot be saved, in words the staff member can act on; null when it can. */
export function slotsProblem(times: string[]): string | null {
  if (times.length === 0) return 'Cần ít nhất một khung giờ phát loa. Hãy thêm một giờ rồi lưu.';
  if (times.length > MAX_SLOTS)
    return `Tối đa ${MAX_SLOTS} khung giờ mỗi ngày. Hãy bỏ bớt ${times.length - MAX_SLOTS} khung giờ.`;
  const bad = times.find((t) => !/^([01]\d|2[0-3]):[0-5]\d$/.test(t));
  if (bad) return `Giờ “${bad}” không đúng dạng giờ:phút (00:00 đến 23:59).`;
  const twice = times.find((t, i) => times.indexOf(t) !== i);
  if (twice) return `Khung giờ ${twice} bị trùng. Hãy bỏ một lần.`;
  return null;
}

/** Why `time` cannot be added to `times`; null when it can. */
export function addProblem(times: string[], time: string): string | null {
  if (times.includes(time)) return `Khung giờ ${time} đã có trong danh sách.`;
  if (times.length >= MAX_SLOTS)
    return `Đã đủ ${MAX_SLOTS} khung giờ. Bỏ một khung giờ trước khi thêm ${time}.`;
  return null;
}

export const sameSlots = (a: string[], b: string[]) =>
  a.length === b.length && [...a].sort().every((t, i) => t === [...b].sort()[i]);

export const slotsText = (times: string[]) => [...times].sort().join(', ');
