/**
 * The demo campaign is the plan importer's reading of the ward's real plan (the text beside this
 * file), saved the way staff would save it after checking the draft. The seed adds only what a plan
 * never states and staff would fill in: where the named banner places are on the map, and a second
 * photo at the ward's head office. It also makes the one correction staff would make by hand: the
 * document's "HỖND" is a typing slip for "HĐND".
 */
import { readFileSync } from 'node:fs';
import { type PlanImportSave, saveRequestFromDraft } from '@loa/shared';
import { draftFromText } from '../imports/service.js';
import { unitKey } from '../imports/unit-names.js';

export const PLAN_TEXT = readFileSync(new URL('./plan-dau-giay-khcn-2026.txt', import.meta.url), 'utf8');

/** The banner places the plan names, located (the ward's office cluster around the Dầu Giây junction). */
const PLACES: Record<string, { lat: number; lng: number; radiusM: number; photos: number }> = {
  [unitKey('Trụ sở UBND phường')]: { lat: 10.9419, lng: 107.1408, radiusM: 150, photos: 2 },
  [unitKey('Trung tâm Phục vụ Hành chính công')]: { lat: 10.9426, lng: 107.1399, radiusM: 150, photos: 1 },
  [unitKey('Phòng Văn hóa - Xã hội')]: { lat: 10.9415, lng: 107.1412, radiusM: 150, photos: 1 },
};

export function demoPlan(): PlanImportSave {
  const request = saveRequestFromDraft(draftFromText(PLAN_TEXT, 'text'), PLAN_TEXT);
  request.campaign.recipients = request.campaign.recipients?.map((r) => r.replace('HỖND', 'HĐND'));
  request.tasks = request.tasks.map((task) => {
    const place = task.place ? PLACES[unitKey(task.place.name)] : undefined;
    if (!task.place || !place) return task;
    return {
      ...task,
      evidencePhotoCount: place.photos,
      place: { name: task.place.name, lat: place.lat, lng: place.lng, radiusM: place.radiusM },
    };
  });
  return request;
}

/** Computed once: the seed and the tests that check what the seed shows read the same plan. */
export const DEMO_PLAN = demoPlan();
