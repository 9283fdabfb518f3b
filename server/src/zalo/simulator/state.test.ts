import { describe, expect, it } from 'vitest';
import { SimState } from './state.js';

describe('SimState message memory', () => {
  it('keeps the most recent messages only, in the list and in every index', () => {
    const state = new SimState(1000, 10);
    for (let i = 0; i < 40; i++) {
      const text = `tin ${i}`;
      if (i % 3 === 0) state.record({ channel: 'cs', from: 'oa', userId: 'u1', text });
      else state.record({ channel: 'group', from: 'oa', groupId: i % 3 === 1 ? 'g1' : 'g2', text });
    }
    expect(state.messages.length).toBeGreaterThanOrEqual(10);
    expect(state.messages.length).toBeLessThanOrEqual(11);
    expect(state.messages.at(-1)?.text).toBe('tin 39');
    const kept = new Set(state.messages.map((m) => m.text));
    const indexed = [...state.byGroup.values(), ...state.byUser.values()].flat();
    expect(indexed.map((m) => m.text).sort()).toEqual([...kept].sort());
    expect(state.byGroup.get('g1')?.at(-1)?.text).toBe('tin 37');
  });
});
