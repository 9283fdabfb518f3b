/**
 * "Chủ đề: “…”" and "Khẩu hiệu tuyên truyền: “…”", inline or on the lines that follow, one or several.
 * Read from the theme section; outside it (a plan with no such section) the same lines are accepted
 * with less confidence.
 */
import { type Found, found, LIKELY, missing, SURE } from './fields.js';
import { afterColon, fold, quotedParts, stripMarker, unquote } from './text.js';

const THEME = /^CHU DE\b/;
const SLOGAN = /^(CAC\s+)?KHAU HIEU\b/;

/** "2. Khẩu hiệu: …", "- Khẩu hiệu …", or the section heading itself ("II. KHẨU HIỆU TUYÊN TRUYỀN"). */
function isLabel(line: string, label: RegExp): boolean {
  return label.test(fold(stripMarker(line)).replace(/^[IVX]+(?:[.)]\s*|\s+)/, ''));
}

/** Lines a label owns: its own line after the colon, then the lines up to the next label or heading. */
function following(lines: string[], at: number, end: number): number[] {
  const out: number[] = [];
  for (let i = at + 1; i < end; i++) {
    const line = lines[i]!;
    if (isLabel(line, THEME) || isLabel(line, SLOGAN) || /^\d+\.\s/.test(line)) break;
    out.push(i);
  }
  return out;
}

export function readTheme(lines: string[], from: number, end: number, inSection: boolean): Found<string> {
  const confidence = inSection ? SURE : LIKELY;
  for (let i = from; i < end; i++) {
    if (!isLabel(lines[i]!, THEME)) continue;
    const inline = afterColon(lines[i]!);
    if (inline) return found(quotedParts(inline)[0] ?? unquote(inline), i + 1, confidence);
    const next = following(lines, i, end)[0];
    if (next !== undefined)
      return found(quotedParts(lines[next]!)[0] ?? unquote(stripMarker(lines[next]!)), next + 1, confidence);
  }
  return missing('Không tìm thấy chủ đề. Nhập chủ đề nếu kế hoạch có.');
}

export function readSlogans(lines: string[], from: number, end: number, inSection: boolean): Found<string>[] {
  const confidence = inSection ? SURE : LIKELY;
  const slogans: Found<string>[] = [];
  for (let i = from; i < end; i++) {
    if (!isLabel(lines[i]!, SLOGAN)) continue;
    const inline = afterColon(lines[i]!);
    if (inline) {
      const quoted = quotedParts(inline);
      for (const text of quoted.length ? quoted : [unquote(inline)])
        slogans.push(found(text, i + 1, confidence));
    }
    for (const j of following(lines, i, end)) {
      // Further slogans are list items or quotations; a plain paragraph ends the list.
      if (!/^[-+•*–"“]/u.test(lines[j]!)) break;
      const quoted = quotedParts(lines[j]!);
      for (const text of quoted.length ? quoted : [unquote(stripMarker(lines[j]!))])
        if (text) slogans.push(found(text, j + 1, confidence));
    }
  }
  return slogans;
}
