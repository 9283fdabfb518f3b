import type { Assignment } from '@loa/shared';

/** "1/2": the unit's photos that count (not sent back) against what the task asks for. */
export function photoProgress(a: Pick<Assignment, 'photosCount' | 'photosRequired'>): string {
  return `${a.photosCount ?? 0}/${a.photosRequired ?? 0}`;
}

/** How many photos are still missing (0 when the task asks for none or has them all). */
export function photosMissing(a: Pick<Assignment, 'photosCount' | 'photosRequired'>): number {
  return Math.max(0, (a.photosRequired ?? 0) - (a.photosCount ?? 0));
}
