/**
 * Splits a plan into its mục: roman-numeral headings ("I. MỤC ĐÍCH, YÊU CẦU", also "III CHỦ ĐỀ" with
 * the dot forgotten), or, in plans that number them "1. Mục đích", numbered headings whose words name a
 * known section. Each section is recognised by its words, not its number, so extra or reordered
 * sections do not shift the others.
 */
import { fold } from './text.js';

export type SectionKind =
  | 'purposes_requirements'
  | 'purposes'
  | 'requirements'
  | 'theme'
  | 'activities'
  | 'period'
  | 'organisation'
  | 'other';

export interface Section {
  kind: SectionKind;
  heading: string;
  /** Index of the heading line in the plan's lines (0-based). */
  at: number;
  /** Body lines are [at + 1, end). */
  end: number;
  /** What follows a colon on the heading line: "V. THỜI GIAN THỰC HIỆN: từ ngày …". */
  inline: string | undefined;
}

const ROMAN = /^(X{0,3}(?:IX|IV|V?I{0,3}))(?:\s*[.:)-]\s*|\s+)(\S.*)$/u;
const NUMBERED = /^(\d{1,2})\s*[.)]\s*(\S.*)$/u;

export function kindOf(title: string): SectionKind {
  const words = fold(title);
  const purpose = /MUC DICH|Y NGHIA/.test(words);
  const requirement = /YEU CAU/.test(words);
  if (purpose && requirement) return 'purposes_requirements';
  if (purpose) return 'purposes';
  if (requirement) return 'requirements';
  if (/TO CHUC THUC HIEN|PHAN CONG|TRACH NHIEM/.test(words)) return 'organisation';
  if (/CHU DE|KHAU HIEU/.test(words)) return 'theme';
  if (/THOI GIAN/.test(words)) return 'period';
  if (/NOI DUNG|HOAT DONG|NHIEM VU|HINH THUC/.test(words)) return 'activities';
  return 'other';
}

function splitHeading(rest: string): { title: string; inline: string | undefined } {
  const colon = rest.indexOf(':');
  if (colon < 0) return { title: rest, inline: undefined };
  const inline = rest.slice(colon + 1).trim();
  return { title: rest.slice(0, colon).trim(), inline: inline || undefined };
}

function isUpper(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toLocaleUpperCase('vi');
}

interface Candidate {
  at: number;
  title: string;
  inline: string | undefined;
}

function romanHeadings(lines: string[]): Candidate[] {
  const out: Candidate[] = [];
  lines.forEach((line, at) => {
    const match = ROMAN.exec(line);
    if (!match?.[1]) return;
    const { title, inline } = splitHeading(match[2]!);
    if (isUpper(title) && title.length <= 120) out.push({ at, title, inline });
  });
  return out;
}

/** "1. Mục đích", "2. Yêu cầu", … counted in order, so a "2. Tổ chức các hoạt động" inside section 4 is not one. */
function numberedHeadings(lines: string[]): Candidate[] {
  const out: Candidate[] = [];
  lines.forEach((line, at) => {
    const match = NUMBERED.exec(line);
    if (!match || Number(match[1]) !== out.length + 1 || /^\d/.test(match[2]!)) return;
    const { title, inline } = splitHeading(match[2]!);
    if (title.length > 60 || /[.;]$/.test(title)) return;
    if (kindOf(title) !== 'other' || isUpper(title)) out.push({ at, title, inline });
  });
  return out;
}

/** Where the body ends: "Trên đây là Kế hoạch…", "Nơi nhận:", or the signature. */
export function bodyEnd(lines: string[], from: number): number {
  for (let i = from; i < lines.length; i++) {
    const words = fold(lines[i]!);
    if (/^TREN DAY LA|^NOI NHAN|^(TM|KT|Q|TL|TUQ)\.\s/.test(words)) return i;
  }
  return lines.length;
}

export function findSections(lines: string[], from: number): Section[] {
  const tail = lines.slice(from);
  let candidates = romanHeadings(tail);
  // A plan with fewer than two roman headings numbers its sections "1. Mục đích".
  if (candidates.length < 2) candidates = numberedHeadings(tail);
  const shifted = candidates.map((c) => ({ ...c, at: c.at + from }));
  const end = bodyEnd(lines, shifted[0]?.at ?? from);
  const inBody = shifted.filter((c) => c.at < end);
  return inBody.map((candidate, i) => ({
    kind: kindOf(candidate.title),
    heading: lines[candidate.at]!,
    at: candidate.at,
    end: inBody[i + 1]?.at ?? end,
    inline: candidate.inline,
  }));
}

export function sectionOf(sections: Section[], kind: SectionKind): Section | undefined {
  return sections.find((section) => section.kind === kind);
}
