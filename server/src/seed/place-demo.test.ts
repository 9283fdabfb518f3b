import { describe, expect, it } from 'vitest';
import { DEMO_PLAN } from './demo-plan.js';

const DEMO_CAMPAIGN = DEMO_PLAN.campaign;
const DEMO_TASKS = DEMO_PLAN.tasks;

import { placeCampaignAround } from './place-demo.js';

describe('placeCampaignAround', () => {
  it('makes the seeding day the plan’s second day, keeping each due hour in ward time', () => {
    const placed = placeCampaignAround('2026-11-30', DEMO_CAMPAIGN, DEMO_TASKS);
    expect(placed.campaign).toMatchObject({ startsOn: '2026-11-29', endsOn: '2026-12-05' });
    // Banners are due on the plan's first morning, 18/05 08:00, which becomes 29/11 08:00 in Vietnam:
    // already late on the seeding day.
    const banner = placed.tasks.find((task) => task.kind === 'hang_banner');
    expect(banner?.dueAt).toBe(new Date('2026-11-29T08:00:00+07:00').toISOString());
    expect(placed.tasks).toHaveLength(DEMO_TASKS.length);
    expect(placed.campaign.theme).toBe(DEMO_CAMPAIGN.theme);
  });

  it('works across a year end and backwards, and leaves the input alone', () => {
    const before = JSON.stringify(DEMO_TASKS);
    const later = placeCampaignAround('2027-01-01', DEMO_CAMPAIGN, DEMO_TASKS);
    expect(later.campaign).toMatchObject({ startsOn: '2026-12-31', endsOn: '2027-01-06' });
    const earlier = placeCampaignAround('2026-05-01', DEMO_CAMPAIGN, DEMO_TASKS);
    expect(earlier.campaign).toMatchObject({ startsOn: '2026-04-30', endsOn: '2026-05-06' });
    expect(earlier.shiftDays).toBe(-18);
    expect(JSON.stringify(DEMO_TASKS)).toBe(before);
    expect(DEMO_CAMPAIGN.startsOn).toBe('2026-05-18');
  });
});
