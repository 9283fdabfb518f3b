import { type Static, Type } from '@sinclair/typebox';
import { IsoDay, Uuid } from './common.js';
import { CampaignStatus } from './public.js';

const Text = (max: number, description: string) => Type.String({ minLength: 1, maxLength: max, description });
const TextList = (description: string) =>
  Type.Array(Type.String({ minLength: 1, maxLength: 2000 }), { maxItems: 50, description });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

/** What staff write: the fields of the plan (kế hoạch). */
export const CampaignFields = Type.Object(
  {
    number: Type.Optional(
      Nullable(Type.String({ maxLength: 60, description: 'Số văn bản, ví dụ 123/KH-UBND' })),
    ),
    issuedOn: Type.Optional(Type.Union([IsoDay, Type.Null()])),
    title: Text(500, 'Tên kế hoạch'),
    legalBases: Type.Optional(TextList('Căn cứ')),
    purposes: Type.Optional(TextList('Mục đích, yêu cầu')),
    theme: Type.Optional(Type.String({ maxLength: 1000, description: 'Chủ đề' })),
    slogans: Type.Optional(TextList('Khẩu hiệu')),
    startsOn: IsoDay,
    endsOn: IsoDay,
    leadUnitId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    signerMemberId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    requirements: Type.Optional(TextList('Yêu cầu')),
    recipients: Type.Optional(TextList('Nơi nhận')),
    signerAuthority: Type.Optional(
      Nullable(Type.String({ maxLength: 200, description: 'Thẩm quyền ký, ví dụ KT. CHỦ TỊCH' })),
    ),
    signerTitle: Type.Optional(Nullable(Type.String({ maxLength: 200, description: 'Chức vụ người ký' }))),
    issuingBody: Type.Optional(
      Nullable(Type.String({ maxLength: 200, description: 'Cơ quan ban hành, ví dụ UBND phường Dầu Giây' })),
    ),
    issuingPlace: Type.Optional(
      Nullable(Type.String({ maxLength: 100, description: 'Địa danh ghi trên văn bản, ví dụ Dầu Giây' })),
    ),
    sourceText: Type.Optional(Type.String({ maxLength: 200_000, description: 'Văn bản gốc của kế hoạch' })),
  },
  { additionalProperties: false },
);
export type CampaignFields = Static<typeof CampaignFields>;

/** An edit: any field, plus the version the editor saw (a stale version is refused). */
export const CampaignPatch = Type.Composite(
  [Type.Partial(CampaignFields), Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) })],
  { additionalProperties: false },
);
export type CampaignPatch = Static<typeof CampaignPatch>;

export const Campaign = Type.Object({
  id: Uuid,
  number: Type.Union([Type.String(), Type.Null()]),
  issuedOn: Type.Union([IsoDay, Type.Null()]),
  title: Type.String(),
  legalBases: Type.Array(Type.String()),
  purposes: Type.Array(Type.String()),
  theme: Type.String(),
  slogans: Type.Array(Type.String()),
  startsOn: IsoDay,
  endsOn: IsoDay,
  leadUnitId: Type.Union([Uuid, Type.Null()]),
  signerMemberId: Type.Union([Uuid, Type.Null()]),
  requirements: Type.Array(Type.String()),
  recipients: Type.Array(Type.String()),
  signerAuthority: Type.Union([Type.String(), Type.Null()]),
  signerTitle: Type.Union([Type.String(), Type.Null()]),
  issuingBody: Type.Union([Type.String(), Type.Null()]),
  issuingPlace: Type.Union([Type.String(), Type.Null()]),
  /** The imported document's text: only when one campaign is read, never in lists. */
  sourceText: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  status: CampaignStatus,
  createdBy: Type.Union([Uuid, Type.Null()]),
  approvedBy: Type.Union([Uuid, Type.Null()]),
  approvedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  version: Type.Integer(),
});
export type Campaign = Static<typeof Campaign>;

export const CampaignListQuery = Type.Object({
  status: Type.Optional(CampaignStatus),
});
export const CampaignList = Type.Object({ campaigns: Type.Array(Campaign) });
export type CampaignList = Static<typeof CampaignList>;

export const Unit = Type.Object({
  id: Uuid,
  kind: Type.String(),
  name: Type.String(),
  shortName: Type.Union([Type.String(), Type.Null()]),
});
export type Unit = Static<typeof Unit>;
export const UnitList = Type.Object({ units: Type.Array(Unit) });
export type UnitList = Static<typeof UnitList>;
