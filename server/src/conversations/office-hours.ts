/**
 * When staff answer the inbox, written the way a Vietnamese office posts it on the door:
 * "T2-T6 07:30-11:30,13:30-17:00" (T2 = Monday … T7 = Saturday, CN = Sunday), in the ward's time zone.
 * The automatic reply on hand-over tells the person when that is.
 */
import { formatIsoDayMonthVi, wardClock, wardDayOf } from '@loa/shared';

export interface OfficeHours {
  /** Days of the week, 0 = Sunday … 6 = Saturday. */
  days: ReadonlySet<number>;
  /** Minutes after midnight, [start, end), in order. */
  spans: readonly (readonly [number, number])[];
  text: string;
}

const DAY = /^(T[2-7]|CN)$/;
const dayNumber = (token: string) => (token === 'CN' ? 0 : Number(token.slice(1)) - 1);
const dayName = (day: number) =>
  day === 0 ? 'Chủ nhật' : `thứ ${['', 'Hai', 'Ba', 'Tư', 'Năm', 'Sáu', 'Bảy'][day]}`;

function minutes(hhmm: string): number | undefined {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** Parses the setting; an error string says what to write instead. */
export function parseOfficeHours(raw: string): OfficeHours | { error: string } {
  const error = {
    error: 'phải có dạng "T2-T6 07:30-11:30,13:30-17:00" (ngày: T2…T7, CN; giờ 24h, khoảng không chồng nhau)',
  };
  const [dayPart, spanPart, ...rest] = raw.trim().split(/\s+/);
  if (!dayPart || !spanPart || rest.length) return error;
  const days = new Set<number>();
  for (const range of dayPart.split(',')) {
    const [from = '', to = from] = range.split('-');
    if (!DAY.test(from) || !DAY.test(to)) return error;
    // T2-CN wraps to Sunday; CN alone is 0.
    let day = dayNumber(from);
    const last = dayNumber(to);
    for (let guard = 0; guard < 7; guard++) {
      days.add(day);
      if (day === last) break;
      day = (day + 1) % 7;
    }
  }
  const spans: [number, number][] = [];
  for (const span of spanPart.split(',')) {
    const [from, to] = span.split('-').map((part) => minutes(part));
    if (from === undefined || to === undefined || to <= from) return error;
    if (spans.length && from < (spans[spans.length - 1] as [number, number])[1]) return error;
    spans.push([from, to]);
  }
  return { days, spans, text: raw.trim() };
}

/** Whether staff are in now, and otherwise when they are next. */
export function staffAvailability(
  hours: OfficeHours,
  now: Date,
): { open: true } | { open: false; next: Date } {
  const { weekday: day, minute, midnight: start } = wardClock(now);
  const midnight = start.getTime();
  if (hours.days.has(day) && hours.spans.some(([from, to]) => minute >= from && minute < to))
    return { open: true };
  for (let ahead = 0; ahead < 8; ahead++) {
    const weekday = (day + ahead) % 7;
    if (!hours.days.has(weekday)) continue;
    const start = hours.spans.find(([from]) => ahead > 0 || from > minute);
    if (start) return { open: false, next: new Date(midnight + ahead * 86_400_000 + start[0] * 60_000) };
  }
  return { open: false, next: new Date(midnight + 7 * 86_400_000) };
}

const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** The automatic reply when a conversation goes to staff. */
export function handoverReply(hours: OfficeHours, now: Date): string {
  const availability = staffAvailability(hours, now);
  if (availability.open)
    return 'Cảm ơn bạn. Tin nhắn đã được chuyển đến cán bộ phường, cán bộ sẽ trả lời bạn ngay trong giờ làm việc hôm nay.';
  const { weekday: day, minute } = wardClock(availability.next);
  const dayMonth = formatIsoDayMonthVi(wardDayOf(availability.next));
  return `Cảm ơn bạn. Tin nhắn đã được chuyển đến cán bộ phường. Hiện đã ngoài giờ làm việc (${hours.text}); cán bộ sẽ trả lời từ ${hhmm(minute)} ${dayName(day)}, ${dayMonth}.`;
}
