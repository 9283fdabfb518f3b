/**
 * The verification flags of one photo (DESIGN.md flow 5). Pure functions of what we know, so each flag
 * is testable without a database; the near-duplicate candidate is looked up by the caller.
 */
import { type EvidenceFlags, wardInstant } from '@loa/shared';

export interface FlagContext {
  location: { lat: number; lng: number } | undefined;
  takenAt: Date | undefined;
  place: { lat: number; lng: number; radiusM: number } | undefined;
  ward: { lat: number; lng: number; radiusM: number } | undefined;
  /** The campaign window as the ward's calendar days, inclusive. */
  window: { startsOn: string; endsOn: string; slackDaysBefore: number };
  nearDuplicate: { evidenceId: string; distance: number; teamName: string; uploadedAt: string } | undefined;
}

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres (haversine). */
export function distanceM(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Start (inclusive) and end (exclusive) instants of a window of ward days, at the ward's midnights. */
export function windowInstants(window: FlagContext['window']): { from: Date; until: Date } {
  const from = wardInstant(window.startsOn);
  from.setUTCDate(from.getUTCDate() - window.slackDaysBefore);
  const until = wardInstant(window.endsOn);
  until.setUTCDate(until.getUTCDate() + 1);
  return { from, until };
}

export function computeFlags(context: FlagContext): EvidenceFlags {
  const flags: EvidenceFlags = {};
  const { location, place, ward } = context;
  if (!location) {
    flags.location_missing = {};
  } else if (place) {
    // A task with a place is checked against that place only: the ward circle would be too lenient.
    const distance = Math.round(distanceM(location, place));
    if (distance > place.radiusM) flags.outside_place = { distanceM: distance, radiusM: place.radiusM };
  } else if (ward) {
    const distance = Math.round(distanceM(location, ward));
    if (distance > ward.radiusM) flags.outside_ward = { distanceM: distance, radiusM: ward.radiusM };
  }
  if (!context.takenAt) {
    flags.taken_at_missing = {};
  } else {
    const { from, until } = windowInstants(context.window);
    if (context.takenAt < from || context.takenAt >= until) {
      flags.outside_window = {
        takenAt: context.takenAt.toISOString(),
        startsOn: context.window.startsOn,
        endsOn: context.window.endsOn,
      };
    }
  }
  if (context.nearDuplicate) flags.near_duplicate = context.nearDuplicate;
  return flags;
}
