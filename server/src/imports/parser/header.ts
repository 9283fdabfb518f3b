/**
 * The top of a plan (ND30 ô 1–5): issuing body, "Số: 12/KH-UBND", "Dầu Giây, ngày 12 tháng 5 năm
 * 2026", "KẾ HOẠCH" and its trích yếu (the title), then the legal bases ("Căn cứ …", "Thực hiện …").
 */
import { parseDay } from './dates.js';
import { type Found, found, GUESS, LIKELY, missing, SURE } from './fields.js';
import { fold } from './text.js';

export interface Header {
  number: Found<string>;
  place: Found<string>;
  issuedOn: Found<string>;
  issuingBody: Found<string>;
  title: Found<string>;
  legalBases: Found<string>[];
  /** Index of the first line after the preamble. */
  bodyStart: number;
}

const NUMBER = /^Số\s*:?\s*([0-9]*)\s*\/\s*([\p{Lu}Đ][\p{Lu}Đ0-9.-]*)/u;
const PLACE_DATE = /^([\p{L}][\p{L} .'-]{1,40}),\s*ngày(?=\s|$)(.*)$/u;
const LEGAL = /^(Căn cứ|Thực hiện|Theo|Triển khai)(?=\s|:|$)/u;
const NATIONAL = /^(CONG HOA XA HOI|DOC LAP - TU DO|DOC LAP – TU DO)/;
/** "UBND phường Dầu Giây", "Ủy ban nhân dân xã Xuân Phú": a ward-level issuer named in a sentence. */
const ISSUER_IN_TEXT =
  /((?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:phường|xã|thị trấn|đặc khu)\s+[\p{Lu}Đ][\p{L}]*(?:\s+[\p{Lu}Đ0-9][\p{L}0-9]*)*)/u;

function titleLine(lines: string[]): number {
  return lines.findIndex((line) => /^KE HOACH\b/.test(fold(line)) && line.length < 120);
}

function numberField(lines: string[], before: number): Found<string> {
  for (let i = 0; i < before; i++) {
    const match = NUMBER.exec(lines[i]!);
    if (!match) continue;
    if (!match[1])
      return {
        ...missing('Số văn bản còn để trống (chưa vào sổ). Nhập số khi văn bản được cấp số.'),
        line: i + 1,
      };
    return found(`${match[1]}/${match[2]}`, i + 1);
  }
  return missing('Không thấy dòng "Số: …/KH-…". Nhập số văn bản nếu đã có.');
}

function placeAndDate(lines: string[], before: number): { place: Found<string>; issuedOn: Found<string> } {
  for (let i = 0; i < before; i++) {
    const match = PLACE_DATE.exec(lines[i]!);
    if (!match) continue;
    const day = parseDay(`ngày${match[2]}`);
    return {
      place: found(match[1]!.trim(), i + 1),
      issuedOn: day
        ? found(day, i + 1)
        : { ...missing('Ngày ban hành còn để trống. Nhập ngày khi văn bản được ký.'), line: i + 1 },
    };
  }
  return {
    place: missing('Không thấy dòng địa danh, ngày tháng. Nhập địa danh nếu cần.'),
    issuedOn: missing('Không thấy ngày ban hành. Nhập ngày khi văn bản được ký.'),
  };
}

function issuingBody(lines: string[], before: number, searchTo: number): Found<string> {
  const header: { text: string; line: number }[] = [];
  for (let i = 0; i < before; i++) {
    const line = lines[i]!;
    if (NUMBER.test(line) || PLACE_DATE.test(line) || NATIONAL.test(fold(line)) || /^[-_–]+$/.test(line))
      continue;
    if (line === line.toLocaleUpperCase('vi')) header.push({ text: line, line: i + 1 });
  }
  if (header.length > 0) return found(header.map((h) => h.text).join(' '), header[0]!.line);
  for (let i = 0; i < searchTo; i++) {
    const match = ISSUER_IN_TEXT.exec(lines[i]!);
    if (match)
      return found(
        match[1]!.replace(/\s+(ban hành|xây dựng)$/u, ''),
        i + 1,
        LIKELY,
        'Văn bản không ghi tên cơ quan ở đầu trang; lấy từ câu trong phần mở đầu. Kiểm tra lại.',
      );
  }
  return missing('Không tìm thấy cơ quan ban hành. Nhập tên cơ quan (ví dụ UBND phường …).');
}

/** "Căn cứ … ngày 29/4/2026 của Bộ …." minus the sentence that announces the plan, if it follows. */
function legalBasis(line: string): string {
  const announcement = /[.;,]\s+(?=(?:UBND|Ủy ban|Uỷ ban)[^.]*(?:ban hành|xây dựng))/u.exec(line);
  const text = announcement ? line.slice(0, announcement.index) : line;
  return text.replace(/[.;,:]+$/u, '').trim();
}

export function readHeader(lines: string[], firstSection: number): Header {
  const kh = titleLine(lines.slice(0, firstSection));
  const before = kh >= 0 ? kh : Math.min(firstSection, 8);
  const title = readTitle(lines, kh, firstSection);
  const legalBases: Found<string>[] = [];
  for (let i = title.next; i < firstSection; i++) {
    if (LEGAL.test(lines[i]!)) legalBases.push(found(legalBasis(lines[i]!), i + 1));
  }
  return {
    number: numberField(lines, before),
    ...placeAndDate(lines, before),
    issuingBody: issuingBody(lines, before, firstSection),
    title: title.field,
    legalBases,
    bodyStart: firstSection,
  };
}

function readTitle(
  lines: string[],
  kh: number,
  firstSection: number,
): { field: Found<string>; next: number } {
  if (kh < 0) {
    const first = lines.findIndex((line, i) => i < firstSection && LEGAL.test(line));
    return {
      field: missing('Không thấy chữ "KẾ HOẠCH" và tên kế hoạch. Nhập tên kế hoạch.'),
      next: first >= 0 ? first : firstSection,
    };
  }
  const sameLine = lines[kh]!.replace(/^\S+\s+\S+\s*/u, '').trim();
  const parts: string[] = sameLine ? [sameLine] : [];
  let i = kh + 1;
  while (i < firstSection && parts.length < 4 && !LEGAL.test(lines[i]!) && lines[i]!.length < 200) {
    if (/^[-_–]+$/.test(lines[i]!)) break;
    parts.push(lines[i]!);
    i++;
  }
  if (parts.length === 0)
    return { field: missing('Kế hoạch không có tên (trích yếu). Nhập tên kế hoạch.'), next: i };
  const confidence = parts.length <= 3 ? SURE : GUESS;
  return { field: found(parts.join(' '), kh + (sameLine ? 1 : 2), confidence), next: i };
}

/** "UBND phường Dầu Giây" → { level: 'phường', name: 'Dầu Giây' }, to compare with the ward importing. */
export function localityOf(body: string): { level: string; name: string } | undefined {
  const match = /(phường|xã|thị trấn|đặc khu)\s+(.+)$/iu.exec(body);
  if (!match) return undefined;
  const name = match[2]!
    .toLocaleLowerCase('vi')
    .replace(/(^|\s)\p{L}/gu, (c) => c.toLocaleUpperCase('vi'))
    .trim();
  return { level: match[1]!.toLocaleLowerCase('vi'), name };
}
