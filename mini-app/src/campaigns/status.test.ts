import { describe, expect, it } from 'vitest';
import { campaignStatusLabel } from './status';

const plan = { startsOn: '2026-05-18', endsOn: '2026-05-24' };

describe('campaignStatusLabel', () => {
  it('follows the dates: an active plan is running only between its first and last day', () => {
    expect(campaignStatusLabel({ ...plan, status: 'active' }, '2026-05-17')).toBe('Sắp diễn ra');
    expect(campaignStatusLabel({ ...plan, status: 'active' }, '2026-05-18')).toBe('Đang diễn ra');
    expect(campaignStatusLabel({ ...plan, status: 'active' }, '2026-05-24')).toBe('Đang diễn ra');
    expect(campaignStatusLabel({ ...plan, status: 'active' }, '2026-11-30')).toBe(
      'Hết thời gian, chờ kết thúc',
    );
  });

  it('keeps what people decided: a draft waits, a closed plan is over, an approved one waits to start', () => {
    expect(campaignStatusLabel({ ...plan, status: 'draft' }, '2026-05-20')).toBe('Chờ duyệt');
    expect(campaignStatusLabel({ ...plan, status: 'closed' }, '2026-05-20')).toBe('Đã kết thúc');
    expect(campaignStatusLabel({ ...plan, status: 'approved' }, '2026-05-01')).toBe('Đã duyệt · sắp diễn ra');
    expect(campaignStatusLabel({ ...plan, status: 'approved' }, '2026-05-20')).toBe(
      'Đã duyệt · chưa triển khai',
    );
  });
});
