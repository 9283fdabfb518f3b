/**
 * Vietnamese dates as ward plans write them: "18/5/2026", "18/05/2026", "ngày 18 tháng 5 năm 2026",
 * and periods: "từ ngày 18/5/2026-24/5/2026", "từ 18/5 đến 24/5/2026", "18-24/5/2026",
 * "từ ngày 18 đến ngày 24 tháng 5 năm 2026". Only real calendar days are returned (ISO yyyy-mm-dd).
 */

export interface DayMention {
  day: number;
  month: number;
  year: number | undefined;
  index: number;
}

export interface Period {
  startsOn: string;
  endsOn: string;
  /** True when a year had to be borrowed from elsewhere in the document. */
  yearGuessed: boolean;
}

export function isoDay(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const NUMERIC = /(?<!\d)(\d{1,2})\s*[/.]\s*(\d{1,2})(?:\s*[/.]\s*(\d{4}))?(?![\d/])/gu;
const WORDED = /(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?/giu;
/** "18-24/5/2026" or "18 - 24/5": two days sharing one month. */
const SHARED_MONTH =
  /(?<![\d/])(\d{1,2})\s*[-–]\s*(\d{1,2})\s*[/.]\s*(\d{1,2})(?:\s*[/.]\s*(\d{4}))?(?![\d/])/gu;
/** "từ ngày 18 đến ngày 24 tháng 5 năm 2026". */
const SHARED_MONTH_WORDED =
  /(?:từ\s+)?ngày\s+(\d{1,2})\s+(?:đến|tới|-|–)\s+(?:hết\s+)?ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?/giu;

function valid(day: number, month: number): boolean {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

/** Every day written in the text, in order of appearance. A shared-month range gives two. */
export function dayMentions(text: string): DayMention[] {
  const mentions: DayMention[] = [];
  const taken: [number, number][] = [];
  const overlaps = (start: number, end: number) => taken.some(([a, b]) => start < b && end > a);
  const take = (match: RegExpMatchArray) => {
    const start = match.index!;
    const end = start + match[0].length;
    if (overlaps(start, end)) return false;
    taken.push([start, end]);
    return true;
  };
  for (const match of text.matchAll(SHARED_MONTH_WORDED)) {
    const [, d1, d2, m, y] = match;
    if (!valid(+d1!, +m!) || !valid(+d2!, +m!) || !take(match)) continue;
    const year = y ? +y : undefined;
    mentions.push({ day: +d1!, month: +m!, year, index: match.index! });
    mentions.push({ day: +d2!, month: +m!, year, index: match.index! + 1 });
  }
  for (const match of text.matchAll(WORDED)) {
    const [, d, m, y] = match;
    if (!valid(+d!, +m!) || !take(match)) continue;
    mentions.push({ day: +d!, month: +m!, year: y ? +y : undefined, index: match.index! });
  }
  for (const match of text.matchAll(SHARED_MONTH)) {
    const [, d1, d2, m, y] = match;
    if (!valid(+d1!, +m!) || !valid(+d2!, +m!) || +d2! < +d1! || !take(match)) continue;
    const year = y ? +y : undefined;
    mentions.push({ day: +d1!, month: +m!, year, index: match.index! });
    mentions.push({ day: +d2!, month: +m!, year, index: match.index! + 1 });
  }
  for (const match of text.matchAll(NUMERIC)) {
    const [, d, m, y] = match;
    if (!valid(+d!, +m!) || !take(match)) continue;
    mentions.push({ day: +d!, month: +m!, year: y ? +y : undefined, index: match.index! });
  }
  return mentions.sort((a, b) => a.index - b.index);
}

/** One date ("ngày 29/4/2026", "ngày 18 tháng 5 năm 2026") as ISO, only when the year is written. */
export function parseDay(text: string): string | undefined {
  const first = dayMentions(text)[0];
  if (!first?.year) return undefined;
  return isoDay(first.year, first.month, first.day);
}

/**
 * The period a line states: its first two days (a single day is a one-day period). A missing year is
 * taken from the other end of the period, then from `fallbackYear`; when that happens it says so.
 */
export function parsePeriod(text: string, fallbackYear?: number): Period | undefined {
  const mentions = dayMentions(text);
  if (mentions.length === 0) return undefined;
  const [first, second = first] = mentions as [DayMention, DayMention?];
  const end = second ?? first;
  let yearGuessed = false;
  let endYear = end.year ?? first.year;
  if (endYear === undefined) {
    endYear = fallbackYear;
    yearGuessed = true;
  }
  if (endYear === undefined) return undefined;
  // "từ 20/12 đến 10/1/2027": the start belongs to the year before.
  let startYear = first.year ?? (first.month > end.month ? endYear - 1 : endYear);
  if (first.year === undefined && end.year === undefined) startYear = endYear;
  const startsOn = isoDay(startYear, first.month, first.day);
  const endsOn = isoDay(endYear, end.month, end.day);
  if (!startsOn || !endsOn || endsOn < startsOn) return undefined;
  return { startsOn, endsOn, yearGuessed };
}
