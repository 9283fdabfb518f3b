import { describe, expect, it } from 'vitest';
import { type IntentName, matchIntent, scoreIntents, withinOneEdit } from './intents.js';
import { normalise, numbersIn } from './normalise.js';

describe('normalise', () => {
  it('folds diacritics, đ, case, punctuation and emoji to one form', () => {
    expect(normalise('Đã XONG rồi nhé!!! 😀👍')).toBe('da xong roi nhe');
    expect(normalise('da xong roi nhe')).toBe('da xong roi nhe');
    // NFD input (as some keyboards send it) folds the same as NFC
    expect(normalise('Nhiệm vụ'.normalize('NFD'))).toBe('nhiem vu');
  });

  it('writes out the usual abbreviations', () => {
    expect(normalise('k dc')).toBe('khong duoc');
    expect(normalise('ko đc')).toBe('khong duoc');
    expect(normalise('khg hiểu ntn')).toBe('khong hieu nhu the nao');
    expect(normalise('nv của tổ')).toBe('nhiem vu cua to');
    expect(normalise('oke')).toBe('ok');
    expect(normalise('ok')).toBe('ok');
  });

  it('undoes teen-code spellings and emphasis', () => {
    expect(normalise('xonggggg r')).toBe('xong roi');
    expect(normalise('fải làm j')).toBe('phai lam gi');
    expect(normalise('wá đẹp')).toBe('qua dep');
    expect(normalise('xog rui')).toBe('xong roi');
  });

  it('splits digits from words and finds the numbers', () => {
    expect(normalise('xong2')).toBe('xong 2');
    expect(numbersIn('đã xong số 2 và 3.')).toEqual([2, 3]);
    expect(numbersIn('không có số')).toEqual([]);
  });
});

describe('withinOneEdit', () => {
  it('accepts one substitution, insertion, deletion or swap, and nothing more', () => {
    expect(withinOneEdit('nhiem', 'nhiem')).toBe(true);
    expect(withinOneEdit('nhiem', 'nhiwm')).toBe(true);
    expect(withinOneEdit('nhiem', 'nhem')).toBe(true);
    expect(withinOneEdit('nhiem', 'nhieem')).toBe(true);
    expect(withinOneEdit('nhiem', 'nhime')).toBe(true);
    expect(withinOneEdit('nhiem', 'nhmie')).toBe(false);
    expect(withinOneEdit('khau', 'kahuu')).toBe(false);
  });
});

describe('matchIntent', () => {
  const cases: [string, IntentName | undefined][] = [
    ['nhiệm vụ', 'tasks'],
    ['nhiem vu', 'tasks'],
    ['NV của tổ mình là gì vậy', 'tasks'],
    ['việc của tổ', 'tasks'],
    ['nhiêm vụ', 'tasks'],
    ['nhiem vuu', 'tasks'],
    ['xong', 'complete'],
    ['đã xong 2', 'complete'],
    ['da xong r', 'complete'],
    ['Đã treo băng rôn!!', 'complete'],
    ['hoàn thành rồi 👍', 'complete'],
    ['hoan tanh roi', 'complete'],
    ['chưa xong đâu', undefined],
    ['nhận', 'ack'],
    ['đã nhận nhiệm vụ', 'ack'],
    ['oke', 'ack'],
    ['trợ giúp', 'help'],
    ['tro giup', 'help'],
    ['gặp cán bộ', 'handover'],
    ['cho tui gap can bo', 'handover'],
    ['cho gặp ad', 'handover'],
    ['ad ơi', 'handover'],
    ['chào ad', 'greeting'],
    ['hi ad', 'greeting'],
    ['tôi muốn khiếu nại', 'complaint'],
    ['phản ánh đèn đường hư', 'complaint'],
    ['khẩu hiệu là gì', 'slogan'],
    ['khau hieu', 'slogan'],
    ['chủ đề năm nay', 'theme'],
    ['ngày 18/5 là ngày gì', 'about'],
    ['hôm nay là ngày gì vậy', 'about'],
    ['diễn ra khi nào', 'dates'],
    ['bao gio ket thuc', 'dates'],
    ['có hoạt động gì', 'activities'],
    ['đọc bài ở đâu', 'posts'],
    ['cảm ơn nhiều', 'thanks'],
    ['xin chào', 'greeting'],
    ['asdfgh qwerty', undefined],
    ['🙂🙂', undefined],
  ];
  it.each(cases)('%s → %s', (text, intent) => {
    expect(matchIntent(text)?.intent).toBe(intent);
  });

  it('scores every intent, best first, and a negative cue lowers its intent', () => {
    const done = scoreIntents('đã xong');
    expect(done[0]?.intent).toBe('complete');
    const notDone = scoreIntents('chưa xong');
    expect(notDone.find((s) => s.intent === 'complete')?.score).toBeLessThan(0);
  });

  it('can be limited to the intents a person may use', () => {
    expect(matchIntent('nhiệm vụ', (intent) => intent !== 'tasks')).toBeUndefined();
  });
});
