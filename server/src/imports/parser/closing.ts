/**
 * The end of a plan: "Nơi nhận:" and its "- …;" lines, and the signature block: the authority
 * ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), the title ("PHÓ CHỦ TỊCH") and the signer's name.
 */
import { type Found, found, LIKELY, missing, SURE } from './fields.js';
import { fold } from './text.js';

export interface Closing {
  recipients: Found<string>[];
  signerAuthority: Found<string>;
  signerTitle: Found<string>;
  signerName: Found<string>;
}

const AUTHORITY = /^(TM|KT|Q|TL|TUQ)\.\s*\S/u;
const TITLE_WORDS =
  /^(CHU TICH|PHO CHU TICH|TRUONG|PHO TRUONG|GIAM DOC|PHO GIAM DOC|CHANH VAN PHONG|BI THU|PHO BI THU)\b/;

function isUpper(line: string): boolean {
  return line === line.toLocaleUpperCase('vi') && /\p{Lu}/u.test(line);
}

/** A person's name: 2–6 capitalised words, no digits, not all upper case. */
function isName(line: string): boolean {
  const words = line.split(' ');
  return (
    words.length >= 2 &&
    words.length <= 6 &&
    words.every((word) => /^[\p{Lu}][\p{Ll}]*$/u.test(word)) &&
    !isUpper(line)
  );
}

export function readRecipients(lines: string[], from: number): Found<string>[] {
  const at = lines.findIndex((line, i) => i >= from && /^NOI NHAN\b/.test(fold(line)));
  if (at < 0) return [];
  const recipients: Found<string>[] = [];
  const inline = lines[at]!.replace(/^[^:]*:\s*/u, '');
  const candidates = inline && inline !== lines[at] ? [{ text: inline, i: at }] : [];
  for (let i = at + 1; i < lines.length && /^[-+•–]/u.test(lines[i]!); i++)
    candidates.push({ text: lines[i]!, i });
  for (const { text, i } of candidates) {
    const value = text
      .replace(/^[-+•–]\s*/u, '')
      .replace(/[.;,]+$/u, '')
      .trim();
    if (value) recipients.push(found(value, i + 1));
  }
  return recipients;
}

export function readSigner(lines: string[], from: number): Omit<Closing, 'recipients'> {
  const missingAll = {
    signerAuthority: missing<string>('Không thấy thẩm quyền ký (TM., KT. …). Nhập nếu cần.'),
    signerTitle: missing<string>('Không thấy chức vụ người ký. Nhập chức vụ.'),
    signerName: missing<string>('Không thấy tên người ký. Nhập tên người ký.'),
  };
  // The signature block is the last upper-case block of the document; scan from the end.
  let authority = -1;
  for (let i = lines.length - 1; i >= from; i--) {
    if (AUTHORITY.test(fold(lines[i]!))) {
      authority = i;
      // "TM. ỦY BAN NHÂN DÂN" over "KT. CHỦ TỊCH": keep the whole chain.
      while (authority - 1 >= from && AUTHORITY.test(fold(lines[authority - 1]!))) authority--;
      break;
    }
  }
  let i = authority;
  const chain: string[] = [];
  if (authority >= 0) {
    while (i < lines.length && AUTHORITY.test(fold(lines[i]!))) chain.push(lines[i++]!);
  } else {
    // No authority line: a bare title ("CHỦ TỊCH") over a name still signs the plan.
    i = lines.findLastIndex((line, j) => j >= from && isUpper(line) && TITLE_WORDS.test(fold(line)));
    if (i < 0) return missingAll;
  }
  const titleLines: number[] = [];
  while (i < lines.length && isUpper(lines[i]!) && titleLines.length < 2) titleLines.push(i++);
  const nameLine = lines.findIndex((line, j) => j >= i && isName(line));
  const confidence = authority >= 0 ? SURE : LIKELY;
  return {
    signerAuthority: chain.length
      ? found(chain.join(' '), authority + 1, confidence)
      : missing('Văn bản không ghi thẩm quyền ký (TM., KT. …).'),
    signerTitle: titleLines.length
      ? found(titleLines.map((t) => lines[t]!).join(' '), titleLines[0]! + 1, confidence)
      : missingAll.signerTitle,
    signerName: nameLine >= 0 ? found(lines[nameLine]!, nameLine + 1, confidence) : missingAll.signerName,
  };
}
