/**
 * The ward's clock. Viet Nam keeps UTC+7 all year (no daylight saving), so a fixed offset is exact and
 * the time zone of the machine never matters. SQL uses the zone's name (`AT TIME ZONE`), JavaScript the
 * offset; both come from here.
 */
export const WARD_TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** The ward's offset from UTC, as ISO 8601 writes it. */
export const WARD_UTC_OFFSET = '+07:00';
const OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** The instant of a ward-local day ("2026-05-18") and time ("07:00", or "07:00:00"; midnight if left out). */
export function wardInstant(day: string, time = '00:00'): Date {
  return new Date(`${day}T${time.length === 5 ? `${time}:00` : time}${WARD_UTC_OFFSET}`);
}

/** The ward-local calendar day ("2026-05-18") an instant falls on. */
export function wardDayOf(instant: Date | string): string {
  return new Date(new Date(instant).getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** Every calendar day from `from` to `to` inclusive. */
export function wardDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}
