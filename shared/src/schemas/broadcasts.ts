import { type Static, Type } from '@sinclair/typebox';
import { DELIVERY_STATUSES } from '../delivery-status.js';
import { IsoDay, Uuid } from './common.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });
const TimeOfDay = Type.String({
  pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
  description: 'Giờ (HH:mm, giờ Việt Nam)',
});

export const PostStatus = Type.Union([
  Type.Literal('draft'),
  Type.Literal('approved'),
  Type.Literal('archived'),
]);

export const PostInput = Type.Object(
  {
    /** The id the compose preview picked (its link names it), so the saved text is the previewed one. */
    id: Type.Optional(Uuid),
    campaignId: Uuid,
    body: Type.String({ minLength: 1, maxLength: 4000, description: 'Nội dung (tối đa 2.000 ký tự)' }),
    imageSha256: Type.Optional(Nullable(Type.String({ pattern: '^[0-9a-f]{64}$' }))),
    linkPath: Type.Optional(
      Nullable(Type.String({ pattern: '^/[A-Za-z0-9/_?=&.-]{0,200}$', description: 'Trang trong mini app' })),
    ),
    loudspeakerScript: Type.Optional(
      Nullable(
        Type.String({
          minLength: 1,
          maxLength: 5000,
          description: 'Bài đọc trên loa (không đường dẫn, không biểu tượng)',
        }),
      ),
    ),
  },
  { additionalProperties: false },
);
export type PostInput = Static<typeof PostInput>;

export const PostUpdate = Type.Object(
  {
    body: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })),
    imageSha256: Type.Optional(Nullable(Type.String({ pattern: '^[0-9a-f]{64}$' }))),
    linkPath: Type.Optional(Nullable(Type.String({ pattern: '^/[A-Za-z0-9/_?=&.-]{0,200}$' }))),
    loudspeakerScript: Type.Optional(
      Nullable(
        Type.String({
          minLength: 1,
          maxLength: 5000,
          description: 'Bài đọc trên loa (không đường dẫn, không biểu tượng)',
        }),
      ),
    ),
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type PostUpdate = Static<typeof PostUpdate>;

export const ApproveInput = Type.Object(
  { version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

export const Post = Type.Object({
  id: Uuid,
  campaignId: Uuid,
  body: Type.String(),
  imageSha256: Nullable(Type.String()),
  linkPath: Nullable(Type.String()),
  status: PostStatus,
  createdBy: Nullable(Uuid),
  createdByName: Nullable(Type.String()),
  approvedBy: Nullable(Uuid),
  approvedByName: Nullable(Type.String()),
  approvedAt: Nullable(DateTime),
  version: Type.Integer(),
  updatedAt: DateTime,
  /** The exact text the group will receive (body and mini-app link). */
  preview: Type.String(),
  /** Why a leader sent the draft back to its author (cleared by the next edit). */
  sentBackReason: Nullable(Type.String()),
  sentBackByName: Nullable(Type.String()),
  sentBackAt: Nullable(DateTime),
  loudspeakerScript: Nullable(Type.String()),
});
export type Post = Static<typeof Post>;

export const PostList = Type.Object({ posts: Type.Array(Post) });
export type PostList = Static<typeof PostList>;
export const PostListQuery = Type.Object({ campaignId: Type.Optional(Uuid) });

export const ScheduleTargets = Type.Object(
  {
    groupIds: Type.Array(Uuid, { maxItems: 500, uniqueItems: true, description: 'Nhóm Zalo nhận bài' }),
    loudspeaker: Type.Optional(Type.Boolean({ description: 'Giao bài đọc trên loa cho từng tổ' })),
  },
  { additionalProperties: false },
);

export const ScheduleInput = Type.Union([
  Type.Object(
    { kind: Type.Literal('once'), runAt: DateTime, targets: ScheduleTargets },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('daily'),
      timesOfDay: Type.Array(TimeOfDay, { minItems: 1, maxItems: 6, uniqueItems: true }),
      startsOn: IsoDay,
      endsOn: IsoDay,
      targets: ScheduleTargets,
    },
    { additionalProperties: false },
  ),
]);
export type ScheduleInput = Static<typeof ScheduleInput>;

export const ScheduleStatusInput = Type.Object(
  { status: Type.Union([Type.Literal('active'), Type.Literal('paused'), Type.Literal('cancelled')]) },
  { additionalProperties: false },
);

export const Occurrence = Type.Object({
  id: Uuid,
  dueAt: DateTime,
  status: Type.Union([Type.Literal('pending'), Type.Literal('dispatched'), Type.Literal('cancelled')]),
  bodyOverride: Nullable(Type.String()),
});

export const Schedule = Type.Object({
  id: Uuid,
  postId: Uuid,
  kind: Type.Union([Type.Literal('once'), Type.Literal('daily')]),
  runAt: Nullable(DateTime),
  timesOfDay: Type.Union([Type.Array(Type.String()), Type.Null()]),
  startsOn: Nullable(IsoDay),
  endsOn: Nullable(IsoDay),
  status: Type.Union([Type.Literal('active'), Type.Literal('paused'), Type.Literal('cancelled')]),
  targets: ScheduleTargets,
  occurrences: Type.Array(Occurrence),
});
export type Schedule = Static<typeof Schedule>;
export const ScheduleList = Type.Object({ schedules: Type.Array(Schedule) });
export type ScheduleList = Static<typeof ScheduleList>;

export const OccurrenceUpdate = Type.Object(
  {
    dueAt: Type.Optional(DateTime),
    bodyOverride: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 4000 }))),
    cancel: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type OccurrenceUpdate = Static<typeof OccurrenceUpdate>;

export const DeliveryStatus = Type.Union(DELIVERY_STATUSES.map((s) => Type.Literal(s)));

export const Delivery = Type.Object({
  id: Uuid,
  dueAt: DateTime,
  targetKind: Type.String(),
  targetName: Type.String(),
  status: Type.String(),
  attempts: Type.Integer(),
  nextAttemptAt: DateTime,
  sentAt: Nullable(DateTime),
  sharedAt: Nullable(DateTime),
  sharedByName: Nullable(Type.String()),
  broadcastCount: Type.Union([Type.Integer(), Type.Null()]),
  zaloMessageId: Nullable(Type.String()),
  errorReason: Nullable(Type.String()),
});
export type Delivery = Static<typeof Delivery>;
export const DeliveryList = Type.Object({ deliveries: Type.Array(Delivery) });
export type DeliveryList = Static<typeof DeliveryList>;

export const ShareTask = Type.Object({
  id: Uuid,
  targetKind: Type.String(),
  targetName: Type.String(),
  status: Type.String(),
  dueAt: DateTime,
  body: Type.String(),
  postId: Uuid,
  linkPath: Nullable(Type.String()),
  sharedAt: Nullable(DateTime),
  sharedByName: Nullable(Type.String()),
  broadcastCount: Type.Union([Type.Integer(), Type.Null()]),
});
export type ShareTask = Static<typeof ShareTask>;
export const ShareTaskList = Type.Object({ tasks: Type.Array(ShareTask) });
export type ShareTaskList = Static<typeof ShareTaskList>;

export const LoudspeakerDoneInput = Type.Object(
  { broadcastCount: Type.Integer({ minimum: 1, maximum: 500, description: 'Số lần đã phát trên loa' }) },
  { additionalProperties: false },
);

export const GroupOption = Type.Object({
  id: Uuid,
  name: Type.String(),
  deliveryMode: Type.Union([Type.Literal('oa_group'), Type.Literal('team_share')]),
  responsibleUnitName: Nullable(Type.String()),
  status: Type.String(),
});
export const GroupOptionList = Type.Object({ groups: Type.Array(GroupOption) });
export type GroupOptionList = Static<typeof GroupOptionList>;

/** A message to a person that did not go out (unreachable, failed, or unknown), for staff to follow up. */
export const NotificationIssue = Type.Object({
  id: Uuid,
  kind: Type.String(),
  memberName: Nullable(Type.String()),
  memberPhone: Nullable(Type.String()),
  status: Type.String(),
  channel: Nullable(Type.String()),
  body: Type.String(),
  errorReason: Nullable(Type.String()),
  createdAt: DateTime,
});
export type NotificationIssue = Static<typeof NotificationIssue>;
export const NotificationIssueList = Type.Object({ notifications: Type.Array(NotificationIssue) });
export type NotificationIssueList = Static<typeof NotificationIssueList>;
