/**
 * Setting up a ward in the app (issue 12): the ward itself, its places, units, members (with the
 * .xlsx/.csv list import) and Zalo groups. Admin and staff write; the same schemas serve the mini app.
 */
import { type Static, Type } from '@sinclair/typebox';
import { ROLES, type Role } from '../roles.js';
import { Uuid } from './common.js';

const Name = (description: string, max = 200) => Type.String({ minLength: 1, maxLength: max, description });
const Lat = Type.Number({ minimum: -90, maximum: 90, description: 'Vĩ độ' });
const Lng = Type.Number({ minimum: -180, maximum: 180, description: 'Kinh độ' });
const Nullable = <T extends ReturnType<typeof Type.String | typeof Type.Number | typeof Type.Integer>>(
  schema: T,
) => Type.Union([schema, Type.Null()]);

/** A member's role: every role but resident (roles and their Vietnamese names live in roles.ts). */
export const MEMBER_ROLES = ROLES.filter((role) => role !== 'resident') as Exclude<Role, 'resident'>[];
export const MemberRole = Type.Union(MEMBER_ROLES.map((role) => Type.Literal(role)));
export type MemberRole = Exclude<Role, 'resident'>;

export const UNIT_KINDS = ['leadership', 'department', 'service_center', 'digital_team', 'khu_pho'] as const;
export const UnitKind = Type.Union(UNIT_KINDS.map((kind) => Type.Literal(kind)));
export type UnitKind = Static<typeof UnitKind>;
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  leadership: 'Lãnh đạo UBND',
  department: 'Phòng chuyên môn',
  service_center: 'Trung tâm',
  digital_team: 'Tổ Công nghệ số cộng đồng',
  khu_pho: 'Khu phố',
};

// The ward.
export const WardSettings = Type.Object({
  id: Uuid,
  slug: Type.String(),
  name: Type.String(),
  placeName: Type.String(),
  province: Type.String(),
  zaloOaId: Type.Union([Type.String(), Type.Null()]),
  centerLat: Type.Union([Type.Number(), Type.Null()]),
  centerLng: Type.Union([Type.Number(), Type.Null()]),
  radiusM: Type.Union([Type.Integer(), Type.Null()]),
});
export type WardSettings = Static<typeof WardSettings>;

export const WardSettingsPatch = Type.Object(
  {
    name: Type.Optional(Name('Tên phường, ví dụ "Phường Dầu Giây"')),
    placeName: Type.Optional(Name('Địa danh dùng trong văn bản, ví dụ "Dầu Giây"')),
    province: Type.Optional(Name('Tỉnh/thành phố')),
    zaloOaId: Type.Optional(Nullable(Type.String({ pattern: '^[0-9]{5,30}$', description: 'OA id' }))),
    centerLat: Type.Optional(Nullable(Lat)),
    centerLng: Type.Optional(Nullable(Lng)),
    radiusM: Type.Optional(
      Nullable(Type.Integer({ minimum: 100, maximum: 50000, description: 'Bán kính (m)' })),
    ),
  },
  { additionalProperties: false },
);
export type WardSettingsPatch = Static<typeof WardSettingsPatch>;

// Places (banner places, where photos must be taken).
export const PlaceFields = Type.Object(
  {
    name: Name('Tên địa điểm, ví dụ "Trụ sở UBND phường"'),
    address: Type.Optional(Type.String({ maxLength: 300, description: 'Địa chỉ' })),
    lat: Lat,
    lng: Lng,
    radiusM: Type.Optional(Type.Integer({ minimum: 10, maximum: 20000, description: 'Bán kính (m)' })),
  },
  { additionalProperties: false },
);
export type PlaceFields = Static<typeof PlaceFields>;
export const PlacePatch = Type.Composite(
  [Type.Partial(PlaceFields), Type.Object({ active: Type.Optional(Type.Boolean()) })],
  { additionalProperties: false },
);
export type PlacePatch = Static<typeof PlacePatch>;
export const Place = Type.Object({
  id: Uuid,
  name: Type.String(),
  address: Type.String(),
  lat: Type.Number(),
  lng: Type.Number(),
  radiusM: Type.Integer(),
  active: Type.Boolean(),
});
export type Place = Static<typeof Place>;
export const PlaceList = Type.Object({ places: Type.Array(Place) });
export type PlaceList = Static<typeof PlaceList>;

// Units: office units and digital teams (a team belongs to one khu phố).
export const SetupUnitFields = Type.Object(
  {
    kind: UnitKind,
    name: Name('Tên đơn vị'),
    shortName: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
    khuPhoName: Type.Optional(
      Nullable(
        Type.String({ minLength: 1, maxLength: 200, description: 'Khu phố của tổ (bắt buộc với tổ)' }),
      ),
    ),
  },
  { additionalProperties: false },
);
export type SetupUnitFields = Static<typeof SetupUnitFields>;
export const SetupUnitPatch = Type.Composite(
  [Type.Partial(SetupUnitFields), Type.Object({ active: Type.Optional(Type.Boolean()) })],
  { additionalProperties: false },
);
export type SetupUnitPatch = Static<typeof SetupUnitPatch>;
export const SetupUnit = Type.Object({
  id: Uuid,
  kind: UnitKind,
  name: Type.String(),
  shortName: Type.Union([Type.String(), Type.Null()]),
  khuPhoUnitId: Type.Union([Uuid, Type.Null()]),
  khuPhoName: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  memberCount: Type.Integer(),
});
export type SetupUnit = Static<typeof SetupUnit>;
export const SetupUnitList = Type.Object({ units: Type.Array(SetupUnit) });
export type SetupUnitList = Static<typeof SetupUnitList>;

// Members.
export const MemberFields = Type.Object(
  {
    fullName: Name('Họ tên', 120),
    phone: Type.String({ minLength: 1, maxLength: 20, description: 'Số điện thoại, ví dụ 0912345678' }),
    role: MemberRole,
    unitId: Type.Union([Uuid, Type.Null()]),
    title: Type.Optional(Nullable(Type.String({ maxLength: 120, description: 'Chức vụ' }))),
  },
  { additionalProperties: false },
);
export type MemberFields = Static<typeof MemberFields>;
export const MemberPatch = Type.Composite(
  [Type.Partial(MemberFields), Type.Object({ active: Type.Optional(Type.Boolean()) })],
  { additionalProperties: false },
);
export type MemberPatch = Static<typeof MemberPatch>;
export const Member = Type.Object({
  id: Uuid,
  fullName: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  role: MemberRole,
  unitId: Type.Union([Uuid, Type.Null()]),
  unitName: Type.Union([Type.String(), Type.Null()]),
  title: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  /** Whether the person has signed in with Zalo at least once. */
  linked: Type.Boolean(),
});
export type Member = Static<typeof Member>;
export const MemberList = Type.Object({ members: Type.Array(Member) });
export type MemberList = Static<typeof MemberList>;

/** A members list (.xlsx or .csv), sent as base64 so the one JSON request client carries it. */
export const MemberImportBody = Type.Object(
  {
    fileName: Type.String({ minLength: 1, maxLength: 200, pattern: '\\.(xlsx|csv)$' }),
    contentBase64: Type.String({ minLength: 1, maxLength: 2_000_000 }),
    /** false: only the preview; true: save when every row is right (nothing is saved otherwise). */
    commit: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type MemberImportBody = Static<typeof MemberImportBody>;
export const MemberImportRow = Type.Object({
  line: Type.Integer({ description: 'Dòng trong tệp' }),
  fullName: Type.String(),
  phone: Type.String(),
  role: Type.String(),
  unitName: Type.String(),
  /** `keep`: a member without a phone (as the export lists them), left as they are. */
  action: Type.Union([Type.Literal('create'), Type.Literal('update'), Type.Literal('keep'), Type.Null()]),
  /** What saving the row does to the person's access: lock them (or add them locked), unlock them, or neither. */
  activeChange: Type.Union([Type.Literal('lock'), Type.Literal('unlock'), Type.Null()]),
  problems: Type.Array(Type.String()),
});
export type MemberImportRow = Static<typeof MemberImportRow>;
export const MemberImportReply = Type.Object({
  ok: Type.Boolean(),
  saved: Type.Boolean(),
  rows: Type.Array(MemberImportRow),
  created: Type.Integer(),
  updated: Type.Integer(),
});
export type MemberImportReply = Static<typeof MemberImportReply>;
export const MemberExportQuery = Type.Object({
  format: Type.Union([Type.Literal('xlsx'), Type.Literal('csv')], { default: 'xlsx' }),
});

// Zalo groups.
export const GroupDeliveryMode = Type.Union([Type.Literal('oa_group'), Type.Literal('team_share')]);
export const GroupFields = Type.Object(
  {
    name: Name('Tên nhóm Zalo'),
    deliveryMode: GroupDeliveryMode,
    zaloGroupId: Type.Optional(Nullable(Type.String({ pattern: '^[0-9A-Za-z_-]{3,64}$' }))),
    khuPhoUnitId: Uuid,
    responsibleUnitId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  },
  { additionalProperties: false },
);
export type GroupFields = Static<typeof GroupFields>;
export const GroupPatch = Type.Object(
  {
    name: Type.Optional(Name('Tên nhóm Zalo')),
    khuPhoUnitId: Type.Optional(Uuid),
    responsibleUnitId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
  },
  { additionalProperties: false },
);
export type GroupPatch = Static<typeof GroupPatch>;
export const SetupGroup = Type.Object({
  id: Uuid,
  name: Type.String(),
  deliveryMode: GroupDeliveryMode,
  zaloGroupId: Type.Union([Type.String(), Type.Null()]),
  khuPhoUnitId: Uuid,
  khuPhoName: Type.String(),
  responsibleUnitId: Type.Union([Uuid, Type.Null()]),
  responsibleUnitName: Type.Union([Type.String(), Type.Null()]),
  status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
  lastDelivery: Type.Union([
    Type.Object({ status: Type.String(), at: Type.String({ format: 'date-time' }) }),
    Type.Null(),
  ]),
});
export type SetupGroup = Static<typeof SetupGroup>;
export const SetupGroupList = Type.Object({ groups: Type.Array(SetupGroup) });
export type SetupGroupList = Static<typeof SetupGroupList>;
/** The OA's own groups as Zalo lists them, and which of them the ward has registered. */
export const OaGroupList = Type.Object({
  groups: Type.Array(
    Type.Object({
      zaloGroupId: Type.String(),
      name: Type.String(),
      registeredId: Type.Union([Uuid, Type.Null()]),
    }),
  ),
});
export type OaGroupList = Static<typeof OaGroupList>;

// The audit view.
export const AuditQuery = Type.Object({
  campaignId: Type.Optional(Uuid),
  memberId: Type.Optional(Uuid),
  before: Type.Optional(Type.Integer({ minimum: 1, description: 'Trang tiếp: id nhỏ hơn' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export type AuditQuery = Static<typeof AuditQuery>;
export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actorId: Type.Union([Uuid, Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  /** What the action means, in Vietnamese, e.g. "duyệt kế hoạch". */
  actionText: Type.String(),
  entity: Type.String(),
  entityId: Type.Union([Type.String(), Type.Null()]),
  /** Which record, in words: the task's title, the member's name… (null when there is nothing to name). */
  subject: Type.Union([Type.String(), Type.Null()]),
});
export type AuditEntry = Static<typeof AuditEntry>;
export const AuditList = Type.Object({
  entries: Type.Array(AuditEntry),
  /** The `before` of the next page; null when these are the oldest entries. */
  next: Type.Union([Type.Integer(), Type.Null()]),
});
export type AuditList = Static<typeof AuditList>;

// Sign-in links.
export const MemberInviteReply = Type.Object({
  link: Type.String({ description: 'Liên kết đăng nhập một lần, mở mini app trong Zalo' }),
  demoLink: Type.Optional(
    Type.String({
      description:
        'Chỉ khi máy chủ chạy trình giả lập Zalo (bản trình diễn): cùng liên kết, mở trang của máy chủ này trong trình duyệt',
    }),
  ),
  expiresAt: Type.String({ format: 'date-time' }),
});
export type MemberInviteReply = Static<typeof MemberInviteReply>;
export const InviteSignInBody = Type.Object(
  {
    invite: Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }),
    accessToken: Type.String({ minLength: 1, maxLength: 4096 }),
  },
  { additionalProperties: false },
);
export type InviteSignInBody = Static<typeof InviteSignInBody>;

// Reminder rules of a campaign (owned by notifications/ on the server).
export const ReminderRuleKind = Type.Union([
  Type.Literal('after_assigned'),
  Type.Literal('before_due'),
  Type.Literal('at_due'),
  Type.Literal('after_due'),
  Type.Literal('daily_at'),
  Type.Literal('overdue_daily_at'),
]);
export type ReminderRuleKind = Static<typeof ReminderRuleKind>;
/** The longest wait a reminder rule may have: 30 days, in minutes. */
export const REMINDER_OFFSET_MAX_MINUTES = 30 * 24 * 60;
/** A reminder's time of day: hh:mm, 00:00 to 23:59. */
export const REMINDER_TIME_PATTERN = '^([01][0-9]|2[0-3]):[0-5][0-9]$';
const reminderRuleFields = {
  kind: ReminderRuleKind,
  offsetMinutes: Type.Union([
    Type.Integer({ minimum: 0, maximum: REMINDER_OFFSET_MAX_MINUTES }),
    Type.Null(),
  ]),
  timeOfDay: Type.Union([Type.String({ pattern: REMINDER_TIME_PATTERN }), Type.Null()]),
  escalate: Type.Boolean(),
  active: Type.Boolean(),
};
/**
 * A rule as saved. `id` names a rule the campaign already has, so a save edits it in place: what it already
 * sent stays sent (the dedupe keys carry the rule's id). Without an id a rule takes the place of an existing
 * rule of the same kind, or is new.
 */
export const ReminderRuleInput = Type.Object(
  { id: Type.Optional(Uuid), ...reminderRuleFields },
  { additionalProperties: false },
);
export type ReminderRuleInput = Static<typeof ReminderRuleInput>;
export const ReminderRule = Type.Object({ id: Uuid, ...reminderRuleFields });
export type ReminderRule = Static<typeof ReminderRule>;
export const ReminderRuleList = Type.Object({ rules: Type.Array(ReminderRule) });
export type ReminderRuleList = Static<typeof ReminderRuleList>;
export const ReminderRulesBody = Type.Object(
  { rules: Type.Array(ReminderRuleInput, { maxItems: 10 }) },
  { additionalProperties: false },
);
export type ReminderRulesBody = Static<typeof ReminderRulesBody>;
