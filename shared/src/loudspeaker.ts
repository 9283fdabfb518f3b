/**
 * The loudspeaker script: text a team member reads aloud on the ward's loudspeakers. A link or an emoji
 * cannot be read aloud, so they are refused; numbers and dates are best written as they are spoken
 * ("18/5" → "ngày mười tám tháng năm"), which `spokenVietnamese` suggests. The server and the mini app
 * use the same rules, so the screen says exactly what the server will refuse.
 */

export const LOUDSPEAKER_SCRIPT_MAX_CHARS = 5000;

/**
 * A calm reading pace for a loudspeaker: about 130 syllables a minute (a Vietnamese word written with
 * spaces is one syllable), slower than news reading so it carries outdoors.
 */
export const LOUDSPEAKER_SYLLABLES_PER_MINUTE = 130;

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const GROUPS = ['', 'nghìn', 'triệu', 'tỷ'];

/** Three digits as read; `full` when a higher group precedes (2026 → "… không trăm hai mươi sáu"). */
function threeDigits(value: number, full: boolean): string[] {
  const hundreds = Math.floor(value / 100);
  const tens = Math.floor(value / 10) % 10;
  const units = value % 10;
  const words: string[] = [];
  const hasHundreds = hundreds > 0 || full;
  if (hasHundreds) words.push(DIGITS[hundreds]!, 'trăm');
  if (tens === 0) {
    if (units > 0 && hasHundreds) words.push('linh');
  } else if (tens === 1) words.push('mười');
  else words.push(DIGITS[tens]!, 'mươi');
  if (units > 0) {
    if (units === 1 && tens >= 2) words.push('mốt');
    else if (units === 4 && tens >= 2) words.push('tư');
    else if (units === 5 && tens >= 1) words.push('lăm');
    else words.push(DIGITS[units]!);
  }
  return words;
}

/** A whole number (below a thousand billion) in Vietnamese words: 21 → "hai mươi mốt". */
export function numberInWords(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0 || value >= 1e12) return String(value);
  if (value === 0) return 'không';
  const groups: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i]!;
    if (group === 0) continue;
    words.push(...threeDigits(group, i < groups.length - 1), ...(GROUPS[i] ? [GROUPS[i]!] : []));
  }
  return words.join(' ');
}

const dayWords = (day: number) => (day <= 10 ? `mùng ${numberInWords(day)}` : numberInWords(day));
const monthWords = (month: number) => (month === 4 ? 'tư' : numberInWords(month));

/** Digits read one by one (a phone number). */
const digitByDigit = (digits: string) => [...digits].map((d) => DIGITS[Number(d)]).join(' ');

/**
 * The text with its numbers, dates, times and percentages written as they are read aloud. Dates are
 * day/month[/year] as Vietnamese write them; "7h30" and "07:30" are times; a number starting with 0 and
 * 9–11 digits long is a phone number, read digit by digit.
 */
export function spokenVietnamese(text: string): string {
  return (
    text
      // Dates: "ngày 18/5", "18/5/2026", "18-5-2026".
      .replace(
        /(?:\bngày\s+)?\b(\d{1,2})[/-](\d{1,2})(?:[/-](\d{4}))?\b/giu,
        (match, d: string, m: string, y?: string) => {
          const day = Number(d);
          const month = Number(m);
          if (day < 1 || day > 31 || month < 1 || month > 12) return match;
          return `ngày ${dayWords(day)} tháng ${monthWords(month)}${y ? ` năm ${numberInWords(Number(y))}` : ''}`;
        },
      )
      // Times: "7h30", "07:30", "7h", "19 giờ 15".
      .replace(/\b(\d{1,2})(?:h|:)(\d{2})?\b/giu, (match, h: string, min?: string) => {
        const hour = Number(h);
        const minute = min ? Number(min) : 0;
        if (hour > 24 || minute > 59) return match;
        return `${numberInWords(hour)} giờ${minute ? ` ${numberInWords(minute)} phút` : ''}`;
      })
      // Phone numbers.
      .replace(/\b0\d{8,10}\b/gu, (digits) => digitByDigit(digits))
      // Numbers with decimals or thousands separators, and percentages.
      .replace(/\b\d{1,3}(?:\.\d{3})+\b|\b\d+(?:,\d+)?\b/gu, (match) => {
        if (match.includes('.')) return numberInWords(Number(match.replace(/\./g, '')));
        const [whole, fraction] = match.split(',');
        const spoken = numberInWords(Number(whole));
        return fraction ? `${spoken} phẩy ${digitByDigit(fraction)}` : spoken;
      })
      .replace(/\s*%/gu, ' phần trăm')
      .replace(/\s*&\s*/gu, ' và ')
  );
}

export interface ScriptProblem {
  kind: 'link' | 'emoji' | 'digits';
  /** Refused by the server (a link, an emoji), or only a suggestion (digits). */
  blocking: boolean;
  message: string;
}

const LINK = /\bhttps?:\/\/\S+|\bwww\.\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org|me|gov|info)(?:\/\S*)?/giu;
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

/** What is wrong with a script for reading aloud, in Vietnamese, each saying what to do. */
export function loudspeakerProblems(script: string): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  const links = script.match(LINK);
  if (links)
    problems.push({
      kind: 'link',
      blocking: true,
      message: `Bài đọc loa có đường dẫn (${links[0]}): trên loa không đọc được đường dẫn. Hãy bỏ đường dẫn, hoặc nói “xem trên trang Zalo của phường”.`,
    });
  const emoji = script.match(EMOJI);
  if (emoji)
    problems.push({
      kind: 'emoji',
      blocking: true,
      message: `Bài đọc loa có biểu tượng cảm xúc (${emoji[0]}): trên loa không đọc được. Hãy bỏ biểu tượng đó.`,
    });
  const digits = script.match(/\d+(?:[/:.,h-]\d+)*/gu);
  if (digits)
    problems.push({
      kind: 'digits',
      blocking: false,
      message: `Còn số viết bằng chữ số (${digits.slice(0, 3).join(', ')}). Nên viết như khi đọc, ví dụ “ngày mười tám tháng năm”.`,
    });
  return problems;
}

/** Seconds to read the script aloud at the loudspeaker pace (numbers counted as they are spoken). */
export function readingSeconds(script: string): number {
  const syllables = spokenVietnamese(script)
    .split(/\s+/u)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return Math.round((syllables * 60) / LOUDSPEAKER_SYLLABLES_PER_MINUTE);
}

/** "khoảng 1 phút 20 giây" */
export function readingTimeLabel(seconds: number): string {
  if (seconds < 60) return `khoảng ${seconds} giây`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return `khoảng ${minutes} phút${rest ? ` ${rest} giây` : ''}`;
}
