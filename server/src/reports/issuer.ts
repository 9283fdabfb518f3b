/**
 * The body a report is written in the name of: the one that issued the plan ("UBND phường Dầu Giây",
 * "ĐẢNG ỦY PHƯỜNG DẦU GIÂY", as the imported document gives it), or the ward's People's Committee when
 * the plan does not say. A report answers its plan, so it speaks for the same body.
 */
import type { ReportHeaderRow } from './sql.js';

const LEVEL_WORD = { phuong: 'phường', xa: 'xã', dac_khu: 'đặc khu' } as const;
const COMMITTEE = 'Ủy ban nhân dân';
/** Where the body's kind ends and its place begins: "ĐẢNG ỦY | PHƯỜNG DẦU GIÂY". */
const LEVEL = /\s+((?:phường|xã|thị trấn|đặc khu|huyện|tỉnh|thành phố)\s.+)$/iu;

export interface Issuer {
  /** The two header lines in capitals: ["ỦY BAN NHÂN DÂN", "PHƯỜNG DẦU GIÂY"]. */
  lines: [string] | [string, string];
  /** As written inside a sentence: "Ủy ban nhân dân phường Dầu Giây". */
  name: string;
  /** The document code of the body: "UBND", "ĐU". */
  code: string;
  /** The place line's name: "Dầu Giây". */
  place: string;
}

const upper = (text: string) => text.toLocaleUpperCase('vi');
const capitalised = (word: string) =>
  word ? word[0]!.toLocaleUpperCase('vi') + word.slice(1).toLocaleLowerCase('vi') : word;

/** "ỦY BAN NHÂN DÂN" → "UBND", "ĐẢNG ỦY" → "ĐU": first letters, Đ kept, other marks dropped. */
function codeOf(kind: string): string {
  return upper(kind)
    .split(/\s+/)
    .map((word) => (word.startsWith('Đ') ? 'Đ' : word.normalize('NFD')[0]))
    .join('');
}

/** The words as a sentence writes them: the kind in lower case, the level word too, the place's name capitalised. */
function sentenceName(kind: string, where: string | undefined): string {
  const lowerKind = kind.toLocaleLowerCase('vi');
  const first = lowerKind[0]!.toLocaleUpperCase('vi') + lowerKind.slice(1);
  if (!where) return first;
  const [, level = '', name = ''] =
    /^(phường|xã|thị trấn|đặc khu|huyện|tỉnh|thành phố)\s+(.+)$/iu.exec(where) ?? [];
  const place = name
    ? `${level.toLocaleLowerCase('vi')} ${name.split(/\s+/).map(capitalised).join(' ')}`
    : where;
  return `${first} ${place}`;
}

export function issuerOf(header: ReportHeaderRow): Issuer {
  const place = header.issuingPlace?.trim() || header.placeName;
  const written = header.issuingBody?.trim().replace(/^UBND\b/u, COMMITTEE);
  if (!written) {
    return {
      lines: [upper(COMMITTEE), upper(header.wardName)],
      name: `${COMMITTEE} ${LEVEL_WORD[header.level]} ${header.placeName}`,
      code: 'UBND',
      place,
    };
  }
  const split = LEVEL.exec(written);
  const kind = split ? written.slice(0, split.index) : written;
  const where = split?.[1];
  return {
    lines: where ? [upper(kind), upper(where)] : [upper(kind)],
    name: sentenceName(kind, where),
    code: codeOf(kind),
    place,
  };
}
