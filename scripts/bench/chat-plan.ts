/**
 * What bench:chat's people write and when: residents ask about the campaign and the day, team members
 * about their tasks (and share locations), with and without diacritics and in abbreviations; some
 * residents end by asking for a person. Seeded, so two runs send the same mix.
 */
import { matchIntent } from '../../server/src/conversations/intents.js';
import type { ChatPerson } from './chat-seed.js';
import type { EventBody } from './lib/webhooks.js';

const HANDOVER_SHARE = 0.05; // residents whose last message asks for a person

/** What people write, as they type it; each must be understood (checked at start), so none hands over. */
const RESIDENT_TEXTS = [
  'xin chào',
  'chào ad',
  'Chủ đề năm nay là gì?',
  'chu de la gi vay',
  'khẩu hiệu là gì',
  'khau hieuu',
  'sự kiện diễn ra khi nào vậy ạ',
  'bao gio ket thuc z',
  'có những hoạt động gì',
  'co hoat dong j',
  'hôm nay là ngày gì?',
  'đọc bài ở đâu',
  'doc bai o dau v',
  'cảm ơn nhiều 👍',
  'tks ad',
  'trợ giúp',
  'nhiệm vụ',
];
const MEMBER_TEXTS = [
  'nhiệm vụ',
  'nhiem vu cua to la j',
  'việc của tổ',
  'nhận 2',
  'nhan 1',
  'đã xong 3',
  'xong 2 r',
  'đã phát thanh 2 lần rồi',
  'Đã treo băng rôn!! 😀',
  'da chia se bai vao nhom roi',
  'trợ giúp',
  'okeee',
];
const HANDOVER_TEXT = 'cho tôi gặp cán bộ phường với';

export interface Planned {
  n: number;
  person: ChatPerson;
  body: EventBody;
  at: number; // when "Zalo" first posts it
  accepted?: number;
}

/** Every message is answered only while the bot has the conversation: nothing but the last may hand over. */
export function checkPhrases(): void {
  for (const text of [...RESIDENT_TEXTS, ...MEMBER_TEXTS]) {
    const intent = matchIntent(text)?.intent;
    if (!intent || intent === 'handover' || intent === 'complaint')
      throw new Error(`"${text}" would be ${intent ?? 'not understood'}: pick another phrase`);
  }
  if (matchIntent(HANDOVER_TEXT)?.intent !== 'handover') throw new Error(`"${HANDOVER_TEXT}" must hand over`);
}

/** A small seeded generator, so two runs send the same mix. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

/** `messages` messages, round-robin over `people`, the n-th due at startAt + n / rate seconds. */
export function plan(people: ChatPerson[], messages: number, rate: number, startAt: number): Planned[] {
  const next = random(7);
  const perPerson = Math.ceil(messages / people.length);
  return Array.from({ length: messages }, (_, n) => {
    const person = people[n % people.length] as ChatPerson;
    const index = n % people.length;
    const last = n + people.length >= messages || Math.floor(n / people.length) === perPerson - 1;
    let body: EventBody;
    if (person.role === 'resident') {
      const handsOver = last && index % Math.round(1 / HANDOVER_SHARE) === 0;
      body = {
        kind: 'text',
        text: handsOver
          ? HANDOVER_TEXT
          : (RESIDENT_TEXTS[Math.floor(next() * RESIDENT_TEXTS.length)] as string),
      };
    } else if (next() < 0.1) {
      body = { kind: 'location', latitude: 10.94 + next() / 100, longitude: 107.14 + next() / 100 };
    } else {
      body = { kind: 'text', text: MEMBER_TEXTS[Math.floor(next() * MEMBER_TEXTS.length)] as string };
    }
    return { n, person, body, at: startAt + (n * 1000) / rate };
  });
}
