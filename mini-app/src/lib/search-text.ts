/**
 * Matching what people type against Vietnamese names: "nhi", "Nhí" and "NHI" all find "Nguyễn Thị Nhi",
 * and "duong" finds "Đường". Tone and vowel marks are dropped, đ is d, case is ignored.
 */
export function foldVi(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of the texts, with "khu phố 2" also as staff write it: "kp2", "kp 2". */
function wordsOf(texts: string[]): string[] {
  const folded = texts
    .map(foldVi)
    .join(' ')
    .replace(/\bkhu pho (\d+)/g, '$& kp$1 kp $1');
  return folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * True when every word typed starts a word of the texts, in any order: "lan kp2" finds Lan of Khu phố
 * 2, and "2" does not find Khu phố 12.
 */
export function matchesSearch(query: string, texts: string[]): boolean {
  const typed = foldVi(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (!typed.length) return true;
  const words = wordsOf(texts);
  return typed.every((part) => words.some((word) => word.startsWith(part)));
}
