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

/** An instant, shifted so that its UTC fields read the ward's wall clock. */
const shifted = (instant: Date | string) => new Date(new Date(instant).getTime() + OFFSET_MS);
const pad2 = (n: number) => String(n).padStart(2, '0');

/** The instant of a ward-local day ("2026-05-18") and time ("07:00", or "07:00:00"; midnight if left out). */
export function wardInstant(day: string, time = '00:00'): Date {
  return new Date(`${day}T${time.length === 5 ? `${time}:00` : time}${WARD_UTC_OFFSET}`);
}

/** The ward-local calendar day ("2026-05-18") an instant falls on. */
export function wardDayOf(instant: Date | string): string {
  return shifted(instant).toISOString().slice(0, 10);
}

/** Every calendar day from `from` to `to` inclusive. */
export function wardDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/**
 * A ward-local day and time as an ISO 8601 string with the ward's offset ("2026-05-24T17:00:00+07:00"),
 * for a value that stays text (an import draft, a form's save request).
 */
export function wardIsoString(day: string, time = '00:00'): string {
  return `${day}T${time.length === 5 ? `${time}:00` : time}${WARD_UTC_OFFSET}`;
}

/** The ward's wall-clock time of an instant, 24 h: "07:30" (never "24:00"). */
export function wardTimeOf(instant: Date | string): string {
  const wall = shifted(instant);
  return `${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}`;
}

/** The ward's day and time of an instant as a form's local date-time value: "2026-05-24T17:00". */
export function wardDateTimeLocal(instant: Date | string): string {
  return `${wardDayOf(instant)}T${wardTimeOf(instant)}`;
}

/**
 * The ward's wall clock at an instant: the weekday (0 Sunday … 6 Saturday), the minute of the day, and
 * the instant the ward's day began (its midnight), for rules written in ward time (office hours).
 */
export function wardClock(instant: Date): { weekday: number; minute: number; midnight: Date } {
  const wall = shifted(instant);
  const minute = wall.getUTCHours() * 60 + wall.getUTCMinutes();
  const intoMinute = wall.getUTCSeconds() * 1000 + wall.getUTCMilliseconds();
  return {
    weekday: wall.getUTCDay(),
    minute,
    midnight: new Date(instant.getTime() - minute * 60_000 - intoMinute),
  };
}

/**
 * A Date whose UTC fields are the ward's wall clock at `instant`: for a format with no time zone that
 * shows a date as written (Excel's cells), so 17:00 in the ward prints as 17:00 anywhere.
 */
export function wardWallDate(instant: Date | string): Date {
  return shifted(instant);
}
