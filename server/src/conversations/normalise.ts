/**
 * Vietnamese as people type it into Zalo, folded to one plain form the matcher can compare: lower case,
 * no diacritics (đ → d), no punctuation or emoji, letters repeated for emphasis collapsed, and the
 * usual chat abbreviations and teen-code spellings written out. "Đã xong r nhaaa 😀!!" and
 * "da xong roi nha" normalise to the same tokens.
 */

/** Whole-word abbreviations and teen-code spellings → the plain (diacritic-free) words they stand for. */
const WORDS: Record<string, string> = {
  // không
  k: 'khong',
  ko: 'khong',
  kh: 'khong',
  khg: 'khong',
  kg: 'khong',
  hok: 'khong',
  hong: 'khong',
  hem: 'khong',
  hk: 'khong',
  // được
  dc: 'duoc',
  dk: 'duoc',
  dx: 'duoc',
  // others
  ntn: 'nhu the nao',
  nv: 'nhiem vu',
  nvu: 'nhiem vu',
  ok: 'ok',
  oke: 'ok',
  okie: 'ok',
  oki: 'ok',
  okay: 'ok',
  okela: 'ok',
  uk: 'ok',
  uhm: 'ok',
  r: 'roi',
  rui: 'roi',
  j: 'gi',
  ji: 'gi',
  z: 'vay',
  zay: 'vay',
  v: 'vay',
  vs: 'voi',
  ms: 'moi',
  bn: 'bao nhieu',
  bh: 'bao gio',
  bjo: 'bao gio',
  bg: 'bao gio',
  tks: 'cam on',
  thks: 'cam on',
  thanks: 'cam on',
  thank: 'cam on',
  camon: 'cam on',
  xog: 'xong',
  xg: 'xong',
  xon: 'xong',
  hoanthanh: 'hoan thanh',
  nhju: 'nhieu',
  nhiu: 'nhieu',
  wa: 'qua',
  ng: 'nguoi',
  cb: 'can bo',
  cbo: 'can bo',
  trgiup: 'tro giup',
  ad: 'admin',
  nhiemvu: 'nhiem vu',
  trogiup: 'tro giup',
  khauhieu: 'khau hieu',
  chude: 'chu de',
  canbo: 'can bo',
  mk: 'minh',
  mik: 'minh',
  bit: 'biet',
  bik: 'biet',
  bt: 'biet',
  lm: 'lam',
  ns: 'noi',
  nx: 'nua',
  cx: 'cung',
  nc: 'nuoc',
  trc: 'truoc',
  ntin: 'nhan tin',
};

const DIACRITICS = /\p{M}/gu;

/** Lower case without diacritics; đ/Đ → d. Keeps every other character. */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(DIACRITICS, '').replace(/đ/gi, 'd').toLowerCase();
}

/** Teen-code letter spellings at the start of a word: "fai" → "phai", "wen" → "quen", "jo" → "gio". */
function respell(word: string): string {
  if (word in WORDS) return WORDS[word] as string;
  if (/^f[a-z]/.test(word)) return `ph${word.slice(1)}`;
  if (/^w[aeiouy]/.test(word)) return `qu${word.slice(1)}`;
  if (/^j[aeiouy]/.test(word)) return `gi${word.slice(1)}`;
  if (/^z[aeiouy]/.test(word)) return `d${word.slice(1)}`;
  return word;
}

/**
 * The normalised text: words separated by one space, digits kept (they name list items), everything
 * else (punctuation, emoji, symbols) removed. A letter repeated three or more times ("xonggg") is one.
 */
export function normalise(text: string): string {
  const folded = foldDiacritics(text.normalize('NFC'))
    // Digits glued to words ("xong2", "so2") are separate tokens.
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/(\d)([a-z])/g, '$1 $2')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/([a-z])\1{2,}/g, '$1');
  return folded.split(' ').filter(Boolean).map(respell).join(' ').trim();
}

export function tokens(text: string): string[] {
  const normalised = normalise(text);
  return normalised ? normalised.split(' ') : [];
}

/** Numbers the person wrote ("2", "số 3", "cái 1 với 2"), in order. */
export function numbersIn(text: string): number[] {
  return tokens(text)
    .filter((token) => /^\d{1,3}$/.test(token))
    .map(Number);
}
