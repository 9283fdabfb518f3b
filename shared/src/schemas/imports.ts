/**
 * Importing a ward's plan document: the request (pasted text or a .docx/.pdf file), the draft the
 * server reads out of it (every field with its source line and confidence), and what staff save after
 * correcting it (the campaign, units to add, and tasks).
 */
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { CampaignFields } from './campaigns.js';
import { IsoDay, Uuid } from './common.js';
import { TaskInput, TaskKind } from './tasks.js';

export const PlanImportRequest = Type.Object(
  {
    text: Type.Optional(Type.String({ maxLength: 200_000, description: 'Nội dung kế hoạch dán vào' })),
    file: Type.Optional(
      Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 255, description: 'Tên tệp, ví dụ ke-hoach.docx' }),
          contentBase64: Type.String({
            minLength: 1,
            maxLength: 14_000_000,
            description: 'Tệp .docx hoặc .pdf (base64)',
          }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type PlanImportRequest = Static<typeof PlanImportRequest>;

const Line = Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: 'Dòng nguồn (từ 1)' });
const Confidence = Type.Number({
  minimum: 0,
  maximum: 1,
  description: 'Độ tin cậy: 0 không thấy, 1 chắc chắn',
});

/** One extracted value: null when not found, with a note saying what to do. */
const Found = <T extends TSchema>(value: T) =>
  Type.Object({
    value: Type.Union([value, Type.Null()]),
    line: Line,
    confidence: Confidence,
    note: Type.Optional(Type.String()),
  });

const FoundText = Found(Type.String());
export type FoundText = Static<typeof FoundText>;

export const ImportChannel = Type.Union(
  ['loudspeaker', 'website', 'social', 'zalo', 'banner', 'meeting', 'article'].map((c) => Type.Literal(c)),
);

export const DraftUnit = Type.Object({
  name: Type.String(),
  kind: Type.Union(
    ['department', 'service_center', 'digital_team', 'khu_pho', 'leadership'].map((k) => Type.Literal(k)),
  ),
  allTeams: Type.Boolean({ description: 'Tất cả tổ công nghệ số của phường' }),
  count: Type.Union([Type.Integer(), Type.Null()]),
  lead: Type.Boolean({ description: 'Đơn vị chủ trì' }),
  duties: Type.Array(FoundText),
  line: Type.Integer(),
  confidence: Confidence,
  existingUnitId: Type.Union([Uuid, Type.Null()], { description: 'Đơn vị đã có trong phường, nếu khớp tên' }),
});
export type DraftUnit = Static<typeof DraftUnit>;

/** Who a proposed task goes to: units by name (created on save if missing) and/or every digital team. */
export const ImportAssignTo = Type.Object(
  {
    unitNames: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 50 }),
    allTeams: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type ImportAssignTo = Static<typeof ImportAssignTo>;

export const ProposedTask = Type.Object({
  kind: TaskKind,
  title: Type.String(),
  description: Type.String(),
  dueAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  evidencePhotoCount: Type.Integer(),
  evidenceLocationRequired: Type.Boolean(),
  evidenceNumberLabel: Type.Union([Type.String(), Type.Null()]),
  placeName: Type.Union([Type.String(), Type.Null()]),
  /**
   * The ward's saved place the name matched (its coordinates check the photos); null when the name is
   * not one of the ward's places, and then it is kept as written. Absent: not compared with a ward.
   */
  savedPlace: Type.Optional(
    Type.Union([
      Type.Object({ name: Type.String(), lat: Type.Number(), lng: Type.Number(), radiusM: Type.Integer() }),
      Type.Null(),
    ]),
  ),
  assignTo: ImportAssignTo,
  line: Type.Integer(),
});
export type ProposedTask = Static<typeof ProposedTask>;

export const PlanDraft = Type.Object({
  format: Type.Union([Type.Literal('text'), Type.Literal('docx'), Type.Literal('pdf')]),
  lines: Type.Array(Type.String(), { description: 'Văn bản nguồn, mỗi đoạn một dòng' }),
  number: FoundText,
  place: FoundText,
  issuedOn: Found(IsoDay),
  issuingBody: FoundText,
  title: FoundText,
  legalBases: Type.Array(FoundText),
  purposes: Type.Array(FoundText),
  requirements: Type.Array(FoundText),
  theme: FoundText,
  slogans: Type.Array(FoundText),
  activities: Type.Array(
    Type.Object({
      text: Type.String(),
      group: Type.Union([Type.String(), Type.Null()]),
      channels: Type.Array(ImportChannel),
      line: Type.Integer(),
      confidence: Confidence,
    }),
  ),
  period: Found(Type.Object({ startsOn: IsoDay, endsOn: IsoDay })),
  units: Type.Array(DraftUnit),
  bannerPlaces: Type.Object({ named: Type.Array(FoundText), elsewhere: Type.Boolean() }),
  recipients: Type.Array(FoundText),
  signerAuthority: FoundText,
  signerTitle: FoundText,
  signerName: FoundText,
  proposedTasks: Type.Array(ProposedTask),
  notes: Type.Array(Type.String()),
});
export type PlanDraft = Static<typeof PlanDraft>;

/** What staff save after correcting the draft. Units are named; the server finds or creates them. */
export const PlanImportSave = Type.Object(
  {
    campaign: Type.Composite(
      [
        Type.Omit(CampaignFields, ['leadUnitId', 'signerMemberId']),
        Type.Object({
          leadUnitName: Type.Optional(
            Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()]),
          ),
          signerName: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()])),
        }),
      ],
      { additionalProperties: false },
    ),
    units: Type.Array(
      Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 200 }),
          kind: Type.Union(
            (['department', 'service_center', 'khu_pho', 'leadership'] as const).map((k) => Type.Literal(k)),
          ),
        },
        { additionalProperties: false },
      ),
      { maxItems: 50 },
    ),
    tasks: Type.Array(
      Type.Composite([Type.Omit(TaskInput, ['assign']), Type.Object({ assignTo: ImportAssignTo })], {
        additionalProperties: false,
      }),
      { maxItems: 100 },
    ),
  },
  { additionalProperties: false },
);
export type PlanImportSave = Static<typeof PlanImportSave>;

export const PlanImportSaved = Type.Object({
  campaignId: Uuid,
  createdUnits: Type.Array(Type.String(), { description: 'Đơn vị mới được thêm vào phường' }),
  tasks: Type.Integer(),
});
export type PlanImportSaved = Static<typeof PlanImportSaved>;
