/**
 * Ward time. Viet Nam keeps UTC+7 all year (no daylight saving), so a fixed offset is exact and the
 * server's own TZ never matters. Postgres does the same with `AT TIME ZONE 'Asia/Ho_Chi_Minh'`.
 */
export const WARD_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const OFFSET_MS = 7 * 3_600_000;

/** The instant of a ward-local day ("2026-05-18") and time ("07:00"). */
export function wardInstant(day: string, time: string): Date {
  return new Date(`${day}T${time}:00+07:00`);
}

/** The ward-local calendar day of an instant. */
export function wardDay(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** Every ward-local day from `from` to `to` inclusive. */
export function wardDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}
