import { describe, expect, it } from 'vitest';
import { DELIVERY_STATUS_NAMES_VI, DELIVERY_STATUSES, deliveryStatusName } from './delivery-status.js';

describe('delivery states', () => {
  it('gives every state one Vietnamese name, no two alike', () => {
    const names = DELIVERY_STATUSES.map((status) => deliveryStatusName(status));
    expect(new Set(names).size).toBe(DELIVERY_STATUSES.length);
    expect(names).toEqual(Object.values(DELIVERY_STATUS_NAMES_VI));
  });

  it('reads a state it does not know as such, never as the English code', () => {
    expect(deliveryStatusName('recalled')).toBe('Chưa rõ trạng thái');
  });
});
