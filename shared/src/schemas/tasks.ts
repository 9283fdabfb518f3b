import { type Static, Type } from '@sinclair/typebox';
import { wardIsoString } from '../ward-time.js';
import { Uuid } from './common.js';

export const TaskKind = Type.Union([
  Type.Literal('share_post'),
  Type.Literal('loudspeaker'),
  Type.Literal('hang_banner'),
  Type.Literal('meeting'),
  Type.Literal('article'),
  Type.Literal('custom'),
]);
export type TaskKind = Static<typeof TaskKind>;

export const AssignmentStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('acknowledged'),
  Type.Literal('submitted'),
  Type.Literal('accepted'),
  Type.Literal('needs_fix'),
]);
export type AssignmentStatus = Static<typeof AssignmentStatus>;

const DateTime = Type.String({
  format: 'date-time',
  description: `Thời điểm ISO 8601, ví dụ ${wardIsoString('2026-05-20', '17:00')}`,
});

/** Who gets a task: some units by id, and/or every digital team of the ward. */
export const AssignTargets = Type.Object(
  {
    unitIds: Type.Optional(Type.Array(Uuid, { maxItems: 200, uniqueItems: true })),
    allTeams: Type.Optional(Type.Boolean({ description: 'Giao cho tất cả tổ công nghệ số' })),
  },
  { additionalProperties: false },
);
export type AssignTargets = Static<typeof AssignTargets>;

export const TaskInput = Type.Object(
  {
    kind: TaskKind,
    title: Type.String({ minLength: 1, maxLength: 300 }),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    dueAt: DateTime,
    evidencePhotoCount: Type.Optional(Type.Integer({ minimum: 0, maximum: 20 })),
    evidenceLocationRequired: Type.Optional(Type.Boolean()),
    evidenceNumberLabel: Type.Optional(
      Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()]),
    ),
    place: Type.Optional(
      Type.Union([
        Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 300 }),
            lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
            lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
            radiusM: Type.Optional(Type.Integer({ minimum: 1, maximum: 50_000 })),
          },
          { additionalProperties: false },
        ),
        Type.Null(),
      ]),
    ),
    allowDoneWithoutPhotos: Type.Optional(
      Type.Boolean({ description: 'Cho báo hoàn thành khi chưa đủ ảnh (hiện ghi chú "thiếu ảnh")' }),
    ),
    assign: Type.Optional(AssignTargets),
  },
  { additionalProperties: false },
);
export type TaskInput = Static<typeof TaskInput>;

/** An edit of a task: any of its fields but the assignment (assign more with POST …/assignments). */
export const TaskPatch = Type.Partial(Type.Omit(TaskInput, ['assign']), {
  additionalProperties: false,
  minProperties: 1,
});
export type TaskPatch = Static<typeof TaskPatch>;

/** Cancelling says why: the units whose work stops read it on the task. */
export const TaskCancelInput = Type.Object(
  { reason: Type.String({ minLength: 3, maxLength: 500, description: 'Lý do hủy, các đơn vị sẽ đọc' }) },
  { additionalProperties: false },
);
export type TaskCancelInput = Static<typeof TaskCancelInput>;

const TaskPlace = Type.Object({
  name: Type.String(),
  lat: Type.Union([Type.Number(), Type.Null()]),
  lng: Type.Union([Type.Number(), Type.Null()]),
  radiusM: Type.Union([Type.Integer(), Type.Null()]),
});

export const Task = Type.Object({
  id: Uuid,
  campaignId: Uuid,
  kind: TaskKind,
  title: Type.String(),
  description: Type.String(),
  dueAt: Type.String({ format: 'date-time' }),
  evidencePhotoCount: Type.Integer(),
  evidenceLocationRequired: Type.Boolean(),
  evidenceNumberLabel: Type.Union([Type.String(), Type.Null()]),
  placeName: Type.Union([Type.String(), Type.Null()]),
  assignedCount: Type.Integer(),
  place: Type.Optional(Type.Union([TaskPlace, Type.Null()])),
  allowDoneWithoutPhotos: Type.Optional(Type.Boolean()),
  cancelledAt: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
  cancelReason: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  /** Some unit acknowledged, reported or sent a photo: the task can be cancelled but not deleted. */
  hasWork: Type.Optional(Type.Boolean()),
});
export type Task = Static<typeof Task>;
export const TaskList = Type.Object({ tasks: Type.Array(Task) });
export type TaskList = Static<typeof TaskList>;
export const AssignReply = Type.Object({ created: Type.Integer(), total: Type.Integer() });
export type AssignReply = Static<typeof AssignReply>;

/** One assignment as its team sees it. `overdue` is derived from the due time, never stored. */
export const Assignment = Type.Object({
  id: Uuid,
  taskId: Uuid,
  unitId: Uuid,
  unitName: Type.String(),
  campaignId: Uuid,
  campaignTitle: Type.String(),
  kind: TaskKind,
  title: Type.String(),
  description: Type.String(),
  dueAt: Type.String({ format: 'date-time' }),
  evidenceNumberLabel: Type.Union([Type.String(), Type.Null()]),
  placeName: Type.Union([Type.String(), Type.Null()]),
  status: AssignmentStatus,
  overdue: Type.Boolean(),
  acknowledgedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  submittedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  numberDone: Type.Union([Type.Integer(), Type.Null()]),
  /** Photos the task asks for, and the unit's photos not sent back; the card leads to the photo screen. */
  photosRequired: Type.Optional(Type.Integer()),
  photosCount: Type.Optional(Type.Integer()),
  locationRequired: Type.Optional(Type.Boolean()),
  allowDoneWithoutPhotos: Type.Optional(Type.Boolean()),
  cancelledAt: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
  cancelReason: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});
export type Assignment = Static<typeof Assignment>;
export const AssignmentList = Type.Object({ assignments: Type.Array(Assignment) });
export type AssignmentList = Static<typeof AssignmentList>;

/**
 * The answer to the busiest request. Written as an enum and a nullable string, which mean the same as
 * the unions used elsewhere, because the response serializer runs the validator over each branch of a
 * union on every answer (`npm run bench:ack`); these it writes directly.
 */
export const AckReply = Type.Object({
  id: Uuid,
  status: Type.Unsafe<AssignmentStatus>({
    type: 'string',
    enum: AssignmentStatus.anyOf.map((status) => status.const),
  }),
  acknowledgedAt: Type.Unsafe<string | null>({ type: 'string', format: 'date-time', nullable: true }),
});
export type AckReply = Static<typeof AckReply>;

export const DoneInput = Type.Object(
  {
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
    numberDone: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type DoneInput = Static<typeof DoneInput>;

export const UrgeReply = Type.Object({
  teams: Type.Integer({ description: 'Số tổ được nhắc' }),
  queued: Type.Integer({ description: 'Số tin nhắn mới được xếp hàng gửi' }),
});
export type UrgeReply = Static<typeof UrgeReply>;

export const BoardCell = Type.Object({
  taskId: Uuid,
  unitId: Uuid,
  assignmentId: Uuid,
  status: AssignmentStatus,
  overdue: Type.Boolean(),
});
export const Board = Type.Object({
  campaignId: Uuid,
  tasks: Type.Array(Type.Object({ id: Uuid, title: Type.String(), kind: TaskKind, dueAt: Type.String() })),
  teams: Type.Array(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      shortName: Type.Union([Type.String(), Type.Null()]),
      total: Type.Integer(),
      done: Type.Integer(),
      overdue: Type.Integer(),
    }),
  ),
  cells: Type.Array(BoardCell),
  counts: Type.Object({
    total: Type.Integer(),
    pending: Type.Integer(),
    acknowledged: Type.Integer(),
    done: Type.Integer(),
    overdue: Type.Integer(),
  }),
});
export type Board = Static<typeof Board>;
export type BoardCell = Static<typeof BoardCell>;
