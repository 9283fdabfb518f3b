/**
 * Text helpers the parser modules share: a plan becomes a list of non-empty lines (one paragraph
 * each), and headings are compared without diacritics so "Văn hoá" and "Văn hóa" match.
 */

/** NFC, no markdown emphasis, single spaces, no empty lines. Every source format ends up here. */
export function planLines(text: string): string[] {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      line
        .replace(/\*\*|__/g, '')
        .replace(/[\u00a0\t ]+/g, ' ')
        .trim(),
    )
    .filter((line) => line.length > 0);
}

/** Upper case without diacritics: "Tổ chức thực hiện" → "TO CHUC THUC HIEN". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase();
}

/** Removes a list marker ("-", "+", "•", "a)", "1.", "1.2.") from the start of a line. */
export function stripMarker(line: string): string {
  return line.replace(/^(?:[-+•*–]\s*|[a-zđ]\)\s+|\d+(?:\.\d+)*[.)]\s*)/u, '').trim();
}

/** Removes surrounding quotes and a trailing sentence end: “Chủ đề”. → Chủ đề */
export function unquote(text: string): string {
  return text
    .trim()
    .replace(/[.;,]+$/u, '')
    .replace(/^["“”'‘’]+|["“”'‘’]+$/gu, '')
    .replace(/[.;,]+$/u, '')
    .trim();
}

/** The quoted parts of a line, in order: `Khẩu hiệu: “A”, “B”` → [A, B]. */
export function quotedParts(text: string): string[] {
  const parts: string[] = [];
  for (const match of text.matchAll(/[“"]([^“”"]+)[”"]/gu)) {
    const part = match[1]!.trim().replace(/[.;,]+$/u, '');
    if (part) parts.push(part);
  }
  return parts;
}

export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** Text after the first colon, if the line has one. */
export function afterColon(line: string): string | undefined {
  const index = line.indexOf(':');
  return index >= 0 ? line.slice(index + 1).trim() : undefined;
}
