/**
 * A scored intent matcher over normalised text. Each intent lists cue phrases with weights; a phrase
 * matches where its words appear in order in the message, each word exactly or within one edit (a
 * typo) for words of four letters or more. An intent scores its best phrase plus a little for every
 * further cue, minus its negative cues ("chưa xong" is not "xong"). The best intent above the
 * threshold wins; ties go to the earlier intent in the table. No cloud NLU: the table is the model.
 */
import { tokens } from './normalise.js';

export type IntentName =
  | 'tasks'
  | 'complete'
  | 'ack'
  | 'help'
  | 'handover'
  | 'complaint'
  | 'theme'
  | 'slogan'
  | 'dates'
  | 'activities'
  | 'posts'
  | 'about'
  | 'thanks'
  | 'greeting';

/** Intents only a team member can use; anyone else is offered the mini app's sign-in instead. */
export const MEMBER_INTENTS: ReadonlySet<IntentName> = new Set(['tasks', 'complete', 'ack']);

type Cue = readonly [phrase: string, weight: number];

/** Phrases are written already normalised (no diacritics). Order matters only for ties. */
export const INTENT_TABLE: readonly { name: IntentName; cues: readonly Cue[]; not?: readonly Cue[] }[] = [
  {
    name: 'handover',
    cues: [
      ['gap can bo', 1.5],
      ['gap nguoi', 1.2],
      ['noi chuyen voi', 1.1],
      ['nguoi that', 1.2],
      ['gap truc tiep', 1.2],
      ['gap lanh dao', 1.2],
      ['tu van vien', 1.1],
      ['can bo', 0.9],
      ['nhan vien', 0.9],
      // "ad" (written out as admin) is also how people greet the page ("chào ad", "hi ad"): alone it
      // asks for a person, but a greeting beside it wins.
      ['admin', 0.65],
      ['gap admin', 1.3],
      ['lien he', 0.8],
      ['goi dien', 0.8],
      ['can gap', 1],
    ],
  },
  {
    name: 'complaint',
    cues: [
      ['khieu nai', 1.5],
      ['phan anh', 1.3],
      ['to cao', 1.3],
      ['buc xuc', 1.2],
      ['khong hai long', 1.3],
      ['kien nghi', 1.2],
      ['gop y', 1],
      ['qua te', 1],
      ['te qua', 1],
      ['on ao', 0.9],
    ],
  },
  {
    name: 'complete',
    cues: [
      ['xong', 1],
      ['hoan thanh', 1],
      ['lam xong', 1.1],
      ['da treo', 0.9],
      ['da phat', 0.9],
      ['da chia se', 0.9],
      ['da dang', 0.8],
      ['da hop', 0.8],
      ['done', 0.9],
    ],
    not: [
      ['chua xong', 2],
      ['khong xong', 2],
      ['chua hoan thanh', 2],
      ['khong hoan thanh', 2],
      ['chua lam', 1],
      ['sap xong', 2],
      ['bao gio xong', 2],
      ['khi nao xong', 2],
    ],
  },
  {
    name: 'ack',
    cues: [
      ['da nhan', 1],
      ['nhan viec', 1.1],
      ['nhan nhiem vu', 1.2],
      ['xac nhan', 1],
      ['nhan', 0.8],
      ['da ro', 0.9],
      ['ro roi', 0.9],
      ['ok', 0.65],
    ],
    not: [
      ['chua nhan', 2],
      ['khong nhan', 2],
      ['nhan tin', 1.5],
      ['nhan duoc', 0.5],
    ],
  },
  {
    name: 'tasks',
    cues: [
      ['nhiem vu', 1],
      ['viec cua to', 1.2],
      ['cong viec', 0.9],
      ['danh sach viec', 1.1],
      ['viec gi', 0.9],
      ['can lam gi', 0.9],
      ['phai lam gi', 0.9],
      ['giao viec', 0.8],
      ['viec', 0.6],
      ['task', 0.8],
    ],
  },
  {
    name: 'help',
    cues: [
      ['tro giup', 1.2],
      ['huong dan', 1],
      ['help', 1],
      ['menu', 1],
      ['lam duoc gi', 1.1],
      ['biet lam gi', 1],
      ['cach dung', 1],
      ['giup', 0.7],
    ],
  },
  {
    name: 'slogan',
    cues: [
      ['khau hieu', 1.3],
      ['slogan', 1.2],
      ['bang ron ghi', 1.1],
      ['bang ron viet', 1.1],
    ],
  },
  {
    name: 'theme',
    cues: [
      ['chu de', 1.2],
      ['thong diep', 1],
    ],
  },
  {
    name: 'about',
    cues: [
      ['ngay gi', 1.2],
      ['y nghia', 1.2],
      ['muc dich', 1.1],
      ['noi ve gi', 1],
      ['ve cai gi', 0.9],
      ['gioi thieu', 0.9],
      ['ngay khoa hoc', 1],
      ['la gi', 0.6],
    ],
  },
  {
    name: 'dates',
    cues: [
      ['ngay nao', 1],
      ['khi nao', 1],
      ['bao gio', 1],
      ['luc nao', 0.9],
      ['thoi gian', 1],
      ['may ngay', 0.9],
      ['keo dai', 0.9],
      ['dien ra', 0.9],
      ['lich', 0.8],
      ['den ngay', 0.8],
    ],
  },
  {
    name: 'activities',
    cues: [
      ['hoat dong', 1.2],
      ['chuong trinh', 0.9],
      ['su kien', 0.9],
      ['to chuc gi', 1],
      ['co gi', 0.7],
    ],
  },
  {
    name: 'posts',
    cues: [
      ['bai viet', 1.1],
      ['bai dang', 1.1],
      ['doc bai', 1.2],
      ['xem bai', 1.2],
      ['tin tuc', 1],
      ['doc o dau', 1.2],
      ['xem o dau', 1.1],
      ['doc tin', 1],
      ['trang tin', 1],
    ],
  },
  {
    name: 'thanks',
    cues: [
      ['cam on', 1.2],
      ['tot qua', 0.7],
    ],
  },
  {
    name: 'greeting',
    cues: [
      ['xin chao', 1],
      ['chao', 0.8],
      ['alo', 0.8],
      ['hello', 0.8],
      ['hi', 0.75],
    ],
  },
];

export const MATCH_THRESHOLD = 0.6;
const FUZZY_FACTOR = 0.8;
const EXTRA_CUE_FACTOR = 0.25;

/** Optimal-string-alignment distance, but only to answer "at most one edit?" cheaply. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    // one substitution, or one transposition of neighbours
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.slice(i + 1) === shorter.slice(i);
}

/** How well a word of the message stands for a word of a cue: 1 exact, 0.8 a typo, 0 no. */
function wordScore(said: string, cue: string): number {
  if (said === cue) return 1;
  if (cue.length >= 4 && said.length >= 4 && withinOneEdit(said, cue)) return FUZZY_FACTOR;
  if (said.length === cue.length + 1 && cue.length >= 2 && doubledLetter(said, cue)) return FUZZY_FACTOR;
  return 0;
}

/** "vuu" for "vu": a short word with one letter typed twice. */
function doubledLetter(said: string, cue: string): boolean {
  for (let i = 1; i < said.length; i++) {
    if (said[i] === said[i - 1] && said.slice(0, i) + said.slice(i + 1) === cue) return true;
  }
  return false;
}

/** The best score of the phrase anywhere in the message (words contiguous, in order). */
export function phraseScore(words: readonly string[], phrase: readonly string[]): number {
  let best = 0;
  for (let start = 0; start + phrase.length <= words.length; start++) {
    let total = 0;
    for (let k = 0; k < phrase.length; k++) {
      const score = wordScore(words[start + k] as string, phrase[k] as string);
      if (score === 0) {
        total = 0;
        break;
      }
      total += score;
    }
    best = Math.max(best, total / phrase.length);
  }
  return best;
}

export interface Scored {
  intent: IntentName;
  score: number;
}

const compiled = INTENT_TABLE.map((intent) => ({
  name: intent.name,
  cues: intent.cues.map(([phrase, weight]) => ({ words: phrase.split(' '), weight })),
  not: (intent.not ?? []).map(([phrase, weight]) => ({ words: phrase.split(' '), weight })),
}));

/** Every intent's score for the message, best first (ties in table order). */
export function scoreIntents(text: string): Scored[] {
  const words = tokens(text);
  const scored = compiled.map((intent, order) => {
    const hits = intent.cues
      .map((cue) => cue.weight * phraseScore(words, cue.words))
      .filter((score) => score > 0)
      .sort((a, b) => b - a);
    const penalty = intent.not.reduce((sum, cue) => sum + cue.weight * phraseScore(words, cue.words), 0);
    const [best = 0, ...rest] = hits;
    const score = best + EXTRA_CUE_FACTOR * rest.reduce((sum, s) => sum + s, 0) - penalty;
    return { intent: intent.name, score: Math.round(score * 1000) / 1000, order };
  });
  return scored
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ intent, score }) => ({ intent, score }));
}

/** The intent the message expresses, or undefined when nothing scores above the threshold. */
export function matchIntent(
  text: string,
  allowed: (intent: IntentName) => boolean = () => true,
): Scored | undefined {
  const best = scoreIntents(text).find((scored) => allowed(scored.intent));
  return best && best.score >= MATCH_THRESHOLD ? best : undefined;
}
