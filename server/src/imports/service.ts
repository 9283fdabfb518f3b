/**
 * Plan import: read the document, parse it into a draft for staff to check beside the source, then
 * save the corrected draft through the campaigns, units and tasks features, in one transaction.
 */
import type {
  Place,
  PlanDraft,
  PlanImportRequest,
  PlanImportSave,
  PlanImportSaved,
  SetupUnit,
  TaskInput,
} from '@loa/shared';
import { recordAuditBy } from '../audit/audit.js';
import { createCampaign } from '../campaigns/service.js';
import { AppError } from '../errors.js';
import type { Session } from '../plugins/auth.js';
import type { Queryable } from '../plugins/db.js';
import { createTask } from '../tasks/service.js';
import { createUnit, listPlaces, listSetupUnits } from '../wards/service.js';
import { localityOf } from './parser/header.js';
import { parsePlan } from './parser/plan.js';
import { fold } from './parser/text.js';
import { matchPlace, taskPlaceOf } from './place-match.js';
import { proposeTasks } from './proposals.js';
import { docxText, type PlanFormat, pdfText, sniffFormat } from './read-document.js';
import { memberIdByName, wardPlace } from './sql.js';
import { unitKey } from './unit-names.js';

export async function readPlanText(
  request: PlanImportRequest,
): Promise<{ text: string; format: PlanFormat }> {
  if (request.file) {
    const bytes = Buffer.from(request.file.contentBase64, 'base64');
    const format = sniffFormat(bytes);
    if (!format) throw new AppError('IMPORT_NOT_A_PLAN_FILE');
    const text = format === 'docx' ? await docxText(bytes) : await pdfText(bytes);
    if (!text.trim())
      throw new AppError(
        'IMPORT_EMPTY',
        'Tệp không có nội dung chữ. Kiểm tra lại tệp hoặc dán nội dung văn bản.',
      );
    return { text, format };
  }
  const text = request.text ?? '';
  if (!text.trim()) throw new AppError('IMPORT_EMPTY');
  return { text, format: 'text' };
}

/** The draft of a plan's text, with no ward to compare it with (the seed and the tests use this). */
export function draftFromText(text: string, format: PlanFormat): PlanDraft {
  const plan = parsePlan(text);
  return {
    ...plan,
    format,
    units: plan.units.map((unit) => ({ ...unit, existingUnitId: null })),
    proposedTasks: proposeTasks(plan),
  };
}

export async function draftPlan(
  db: Queryable,
  session: Session,
  request: PlanImportRequest,
): Promise<PlanDraft> {
  const { text, format } = await readPlanText(request);
  const draft = draftFromText(text, format);
  const existing = new Map((await activeUnits(db)).map((unit) => [unitKey(unit.name), unit.id]));
  for (const unit of draft.units) unit.existingUnitId = existing.get(unitKey(unit.name)) ?? null;
  matchSavedPlaces(draft, await listPlaces(db));
  const ward = await wardPlace(db, session.wardId);
  const issuer = draft.issuingBody.value ? localityOf(draft.issuingBody.value) : undefined;
  if (ward && issuer && fold(issuer.name) !== fold(ward.placeName))
    draft.notes.unshift(
      `Kế hoạch này do ${draft.issuingBody.value} ban hành, không phải ${ward.name}. Kiểm tra lại trước khi lưu: đơn vị, địa điểm và người ký có thể không khớp.`,
    );
  return draft;
}

/**
 * Each proposed place is looked up among the ward's saved places: a match brings its coordinates (the
 * photo check then uses the place's own circle); a name that matches none stays as written, marked
 * `savedPlace: null` so the preview flags it and staff add the place or correct the name before saving.
 */
function matchSavedPlaces(draft: PlanDraft, places: Place[]): void {
  for (const task of draft.proposedTasks) {
    if (!task.placeName) continue;
    const place = matchPlace(task.placeName, places);
    task.savedPlace = place ? taskPlaceOf(place) : null;
  }
}

function unknownUnit(name: string): AppError {
  return new AppError(
    'UNIT_UNKNOWN',
    `Không có đơn vị "${name}" trong phường. Thêm đơn vị này vào danh sách đơn vị của kế hoạch hoặc chọn đơn vị khác.`,
  );
}

/** The units a plan can name: a unit switched off in the ward's set-up is given no new work. */
async function activeUnits(db: Queryable) {
  return (await listSetupUnits(db)).filter((unit) => unit.active);
}

/**
 * Every unit the plan names, by its key: the ward's active units, plus the missing ones created through
 * the wards feature (one way to add a unit, audited there). A name that belongs to a unit switched off
 * is not quietly made again: staff switch it back on or pick another unit.
 */
async function unitsForPlan(db: Queryable, session: Session, wanted: PlanImportSave['units']) {
  const all = await listSetupUnits(db);
  const byKey = new Map<string, { id: string; name: string }>(
    all.filter((u) => u.active).map((unit) => [unitKey(unit.name), unit]),
  );
  const inactive = new Map(all.filter((u) => !u.active).map((unit) => [unitKey(unit.name), unit]));
  const created: SetupUnit[] = [];
  for (const { name, kind } of wanted) {
    const key = unitKey(name);
    if (byKey.has(key)) continue;
    const off = inactive.get(key);
    if (off)
      throw new AppError(
        'UNIT_NAME_TAKEN',
        `Đơn vị "${off.name}" đã ngừng hoạt động trong phường. Bật lại đơn vị này trong Thiết lập phường hoặc giao cho đơn vị khác.`,
      );
    const unit = await createUnit(db, session, { name, kind });
    byKey.set(key, unit);
    created.push(unit);
  }
  return { byKey, created };
}

export async function savePlan(
  db: Queryable,
  session: Session,
  body: PlanImportSave,
): Promise<PlanImportSaved> {
  const { byKey, created } = await unitsForPlan(db, session, body.units);
  const unitId = (name: string) => {
    const unit = byKey.get(unitKey(name));
    if (!unit) throw unknownUnit(name);
    return unit.id;
  };
  const { leadUnitName, signerName, ...fields } = body.campaign;
  const campaign = await createCampaign(db, session, {
    ...fields,
    leadUnitId: leadUnitName ? unitId(leadUnitName) : null,
    signerMemberId: signerName ? ((await memberIdByName(db, signerName)) ?? null) : null,
  });
  const places = await listPlaces(db);
  for (const { assignTo, ...task } of body.tasks) {
    const unitIds = [...new Set(assignTo.unitNames.map(unitId))];
    const input: TaskInput = { ...task };
    // A place named without coordinates (typed or corrected by staff) that is one of the ward's saved
    // places gets that place's circle; any other name is saved as written.
    const saved =
      task.place && task.place.lat === undefined ? matchPlace(task.place.name, places) : undefined;
    if (saved) input.place = taskPlaceOf(saved);
    if (unitIds.length || assignTo.allTeams) input.assign = { unitIds, allTeams: assignTo.allTeams };
    await createTask(db, session, campaign.id, input);
  }
  await recordAuditBy(db, session, {
    action: 'imports.save',
    entity: 'campaign',
    entityId: campaign.id,
    after: { createdUnits: created.map((u) => u.name), tasks: body.tasks.length },
  });
  return { campaignId: campaign.id, createdUnits: created.map((u) => u.name), tasks: body.tasks.length };
}
