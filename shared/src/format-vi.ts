/**
 * Vietnamese formatting. Every date a person reads is dd/mm/yyyy, times are 24 h, and both are in
 * Asia/Ho_Chi_Minh whatever the time zone of the machine that formats them.
 */
import { WARD_TIME_ZONE } from './ward-time.js';

const dateFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: WARD_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const timeFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: WARD_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A calendar day "2026-05-18" (no time zone: it is already the ward's day) → "18/05/2026". */
export function formatIsoDayVi(isoDay: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) return isoDay;
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/** A calendar day "2026-05-18" → "18/05", for a date within the coming week. */
export function formatIsoDayMonthVi(isoDay: string): string {
  return formatIsoDayVi(isoDay).slice(0, 5);
}

/** An instant → "18/05/2026" in the ward's time zone. */
export function formatDateVi(instant: Date | string): string {
  return dateFormatter.format(new Date(instant));
}

/** An instant → "18/05/2026 07:00" in the ward's time zone. */
export function formatDateTimeVi(instant: Date | string): string {
  const date = new Date(instant);
  return `${dateFormatter.format(date)} ${timeFormatter.format(date)}`;
}

/** "Từ 18/05/2026 đến 24/05/2026" for a campaign period given as calendar days. */
export function formatPeriodVi(startsOn: string, endsOn: string): string {
  return `Từ ${formatIsoDayVi(startsOn)} đến ${formatIsoDayVi(endsOn)}`;
}
