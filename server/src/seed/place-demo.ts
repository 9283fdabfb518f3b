/**
 * The demo must be alive on whatever day someone tries it: a plan frozen in May makes every task late
 * and refuses every schedule. So the seed moves the campaign's structured dates (period and task due
 * times) by whole days so that the seeding day is the plan's second day: yesterday's preparation tasks
 * are already late (urging can be tried), the rest and the posting window lie ahead. The plan's own
 * text (source_text) is not touched: it keeps the dates the ward wrote.
 *
 * It works on plain campaign data, so the hand-typed seed and the plan importer's output both go
 * through it.
 */
const DAY_MS = 86_400_000;

/** The plan's day that becomes the seeding day (1 = its first day). */
export const SEEDING_DAY_OF_PLAN = 2;

const dayNumber = (isoDay: string) => Date.parse(`${isoDay}T00:00:00Z`) / DAY_MS;
const isoDay = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

export interface Placed<C, T> {
  campaign: C;
  tasks: T[];
  /** Whole days added to every date (negative moves back). */
  shiftDays: number;
}

/**
 * Moves a campaign and its tasks by whole days so that `seedDay` (a ward calendar day "2026-11-30") is
 * the plan's `SEEDING_DAY_OF_PLAN`th day. Due times keep their hour in ward time: Vietnam has no
 * daylight saving, so whole days are whole multiples of 24 h.
 */
export function placeCampaignAround<
  C extends { startsOn: string; endsOn: string },
  T extends { dueAt: string },
>(seedDay: string, campaign: C, tasks: readonly T[]): Placed<C, T> {
  const shiftDays = dayNumber(seedDay) - (dayNumber(campaign.startsOn) + SEEDING_DAY_OF_PLAN - 1);
  if (!Number.isInteger(shiftDays)) throw new Error(`not a calendar day: ${seedDay} or ${campaign.startsOn}`);
  return {
    shiftDays,
    campaign: {
      ...campaign,
      startsOn: isoDay(dayNumber(campaign.startsOn) + shiftDays),
      endsOn: isoDay(dayNumber(campaign.endsOn) + shiftDays),
    },
    tasks: tasks.map((task) => ({
      ...task,
      dueAt: new Date(Date.parse(task.dueAt) + shiftDays * DAY_MS).toISOString(),
    })),
  };
}
