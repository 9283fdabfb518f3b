/**
 * A plan names banner places in its own words ("trụ sở UBND phường"); the ward keeps its places with
 * coordinates ("Trụ sở UBND phường Dầu Giây"). A name matches a saved place when, accents, case and
 * punctuation aside, they are the same words, or one is the other with words added at either end, and
 * only one active place fits: a guess between two places would send photos to the wrong spot.
 */
import type { Place } from '@loa/shared';
import { fold } from './parser/text.js';

const words = (text: string) =>
  ` ${fold(text)
    .replace(/[^0-9A-Z]+/g, ' ')
    .trim()} `;

export function matchPlace(name: string, places: readonly Place[]): Place | undefined {
  const wanted = words(name);
  if (wanted.trim() === '') return undefined;
  const active = places.filter((place) => place.active);
  const same = active.filter((place) => words(place.name) === wanted);
  if (same.length === 1) return same[0];
  if (same.length > 1) return undefined;
  const near = active.filter((place) => {
    const saved = words(place.name);
    return saved.includes(wanted) || wanted.includes(saved);
  });
  return near.length === 1 ? near[0] : undefined;
}

/** A saved place as a task's place: its name and the circle photos are checked against. */
export const taskPlaceOf = (place: Place) => ({
  name: place.name,
  lat: place.lat,
  lng: place.lng,
  radiusM: place.radiusM,
});
