/**
 * The rules of setting a ward up: what each field may be, who may grant which role, and one audit entry
 * per change in the same transaction. Members and their list import are in members-service.ts.
 */
import type {
  Place,
  PlaceFields,
  PlacePatch,
  SetupUnit,
  SetupUnitFields,
  SetupUnitPatch,
  WardSettings,
  WardSettingsPatch,
} from '@loa/shared';
import { type AuditAction, recordAuditBy } from '../audit/audit.js';
import { AppError } from '../errors.js';
import type { Session } from '../plugins/auth.js';
import type { Queryable } from '../plugins/db.js';
import {
  findOrCreateKhuPho,
  findPlace,
  findSetupUnit,
  findWard,
  insertPlace,
  insertUnit,
  listPlaces,
  listSetupUnits,
  unitNameTaken,
  updatePlace,
  updateUnit,
  updateWard,
} from './sql.js';

const audit = (
  db: Queryable,
  session: Session,
  action: AuditAction,
  entity: string,
  id: string,
  before: unknown,
  after: unknown,
) => recordAuditBy(db, session, { action, entity, entityId: id, before, after });

export async function getWard(db: Queryable, wardId: string): Promise<WardSettings> {
  const ward = await findWard(db, wardId);
  if (!ward) throw new AppError('WARD_NOT_FOUND');
  return ward;
}

export async function editWard(
  db: Queryable,
  session: Session,
  patch: WardSettingsPatch,
): Promise<WardSettings> {
  const before = await getWard(db, session.wardId);
  // The OA id decides which OA the ward sends through and which ward Zalo's events belong to: a typo
  // stops every OA send. Only an admin changes it; staff may save the rest of the form unchanged.
  if (patch.zaloOaId !== undefined && patch.zaloOaId !== before.zaloOaId && session.role !== 'admin')
    throw new AppError('WARD_OA_ADMIN_ONLY');
  const merged = { ...before, ...patch };
  // The location check needs the whole circle or nothing.
  const circle = [merged.centerLat, merged.centerLng, merged.radiusM];
  if (circle.some((v) => v === null) && circle.some((v) => v !== null))
    throw new AppError(
      'VALIDATION_FAILED',
      'Vùng của phường cần đủ ba giá trị: vĩ độ, kinh độ của tâm và bán kính (m). Nhập đủ hoặc để trống cả ba.',
    );
  // zalo_oa_id is UNIQUE across wards: one OA belongs to one ward.
  const after = await updateWard(db, merged).catch((error: unknown) => {
    if ((error as { code?: string }).code === '23505') throw new AppError('WARD_OA_TAKEN');
    throw error;
  });
  await audit(db, session, 'wards.update', 'ward', session.wardId, before, after);
  return after;
}

// Places.
export { listPlaces };

export async function createPlace(db: Queryable, session: Session, fields: PlaceFields): Promise<Place> {
  const place = await insertPlace(db, session.wardId, { ...fields, name: fields.name.trim() }).catch(
    nameTaken('PLACE_NAME_TAKEN'),
  );
  await audit(db, session, 'places.create', 'place', place.id, undefined, place);
  return place;
}

export async function editPlace(
  db: Queryable,
  session: Session,
  id: string,
  patch: PlacePatch,
): Promise<Place> {
  const before = await findPlace(db, id);
  if (!before) throw new AppError('NOT_FOUND', 'Không tìm thấy địa điểm này. Tải lại danh sách.');
  const after = await updatePlace(db, { ...before, ...patch }).catch(nameTaken('PLACE_NAME_TAKEN'));
  await audit(db, session, 'places.update', 'place', id, before, after);
  return after;
}

/** A unique violation on the name becomes the feature's own 409. */
function nameTaken(code: 'PLACE_NAME_TAKEN' | 'UNIT_NAME_TAKEN' | 'GROUP_NAME_TAKEN') {
  return (error: unknown): never => {
    if ((error as { code?: string }).code === '23505') throw new AppError(code);
    throw error;
  };
}

export { nameTaken };

// Units.
async function khuPhoOf(db: Queryable, wardId: string, kind: string, khuPhoName: string | null | undefined) {
  if (kind !== 'digital_team') return null;
  const name = khuPhoName?.trim();
  if (!name) throw new AppError('TEAM_NEEDS_KHU_PHO');
  return findOrCreateKhuPho(db, wardId, name);
}

export async function getSetupUnit(db: Queryable, id: string): Promise<SetupUnit> {
  const unit = await findSetupUnit(db, id);
  if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị này trong phường. Tải lại danh sách.');
  return unit;
}

/** The ward's units, inactive ones included (with `active`), for features that match names against them. */
export { listSetupUnits };

/**
 * `sortOrder` places the unit in the ward's lists (the demo seed keeps its layout); by default it goes
 * after the units of its kind, as the set-up screen adds them.
 */
export async function createUnit(
  db: Queryable,
  session: Session,
  fields: SetupUnitFields,
  sortOrder?: number,
): Promise<SetupUnit> {
  const name = fields.name.trim();
  if (await unitNameTaken(db, name, null)) throw new AppError('UNIT_NAME_TAKEN');
  const khuPhoUnitId = await khuPhoOf(db, session.wardId, fields.kind, fields.khuPhoName);
  const id = await insertUnit(db, session.wardId, {
    kind: fields.kind,
    name,
    shortName: fields.shortName?.trim() || null,
    khuPhoUnitId,
    ...(sortOrder === undefined ? {} : { sortOrder }),
  });
  const unit = await getSetupUnit(db, id);
  await audit(db, session, 'units.create', 'unit', id, undefined, unit);
  return unit;
}

export async function editUnit(
  db: Queryable,
  session: Session,
  id: string,
  patch: SetupUnitPatch,
): Promise<SetupUnit> {
  const before = await getSetupUnit(db, id);
  const name = patch.name?.trim() ?? before.name;
  if (name !== before.name && (await unitNameTaken(db, name, id))) throw new AppError('UNIT_NAME_TAKEN');
  const kind = patch.kind ?? before.kind;
  const khuPhoUnitId =
    kind === 'digital_team' && patch.khuPhoName === undefined && before.khuPhoUnitId
      ? before.khuPhoUnitId
      : await khuPhoOf(db, session.wardId, kind, patch.khuPhoName ?? before.khuPhoName);
  await updateUnit(db, id, {
    kind,
    name,
    shortName: patch.shortName === undefined ? before.shortName : patch.shortName?.trim() || null,
    khuPhoUnitId,
    active: patch.active ?? before.active,
  });
  const after = await getSetupUnit(db, id);
  await audit(db, session, 'units.update', 'unit', id, before, after);
  return after;
}
