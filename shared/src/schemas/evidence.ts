import { type Static, Type } from '@sinclair/typebox';
import { Uuid } from './common.js';

/**
 * What the server checked about a photo. Flags never block an upload; they tell the reviewer where to
 * look. Stored in evidence.flags as an object keyed by code.
 */
export const EVIDENCE_FLAG_CODES = [
  'location_missing',
  'outside_place',
  'outside_ward',
  'taken_at_missing',
  'outside_window',
  'near_duplicate',
] as const;
export type EvidenceFlagCode = (typeof EVIDENCE_FLAG_CODES)[number];

/** Short Vietnamese labels shown on a photo's chips. */
export const evidenceFlagLabels: Record<EvidenceFlagCode, string> = {
  location_missing: 'Không có vị trí',
  outside_place: 'Ngoài địa điểm nhiệm vụ',
  outside_ward: 'Ngoài địa bàn phường',
  taken_at_missing: 'Không rõ thời gian chụp',
  outside_window: 'Chụp ngoài thời gian kế hoạch',
  near_duplicate: 'Giống ảnh đã nộp',
};

export const EvidenceFlagCode = Type.Union(EVIDENCE_FLAG_CODES.map((code) => Type.Literal(code)));

export const EvidenceFlags = Type.Object(
  {
    location_missing: Type.Optional(Type.Object({})),
    outside_place: Type.Optional(Type.Object({ distanceM: Type.Integer(), radiusM: Type.Integer() })),
    outside_ward: Type.Optional(Type.Object({ distanceM: Type.Integer(), radiusM: Type.Integer() })),
    taken_at_missing: Type.Optional(Type.Object({})),
    outside_window: Type.Optional(
      Type.Object({ takenAt: Type.String(), startsOn: Type.String(), endsOn: Type.String() }),
    ),
    near_duplicate: Type.Optional(
      Type.Object({
        evidenceId: Uuid,
        distance: Type.Integer({ description: 'Khoảng cách Hamming giữa hai dHash 64 bit' }),
        teamName: Type.String(),
        uploadedAt: Type.String(),
      }),
    ),
  },
  { additionalProperties: false },
);
export type EvidenceFlags = Static<typeof EvidenceFlags>;

export const ReviewStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('accepted'),
  Type.Literal('needs_fix'),
]);
export type ReviewStatus = Static<typeof ReviewStatus>;

export const reviewStatusLabels: Record<ReviewStatus, string> = {
  pending: 'Chờ duyệt',
  accepted: 'Đã duyệt',
  needs_fix: 'Cần bổ sung',
};

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const EvidenceItem = Type.Object({
  id: Uuid,
  assignmentId: Uuid,
  taskTitle: Type.String(),
  /** Where the task is to be done, when it names a place. */
  placeName: Nullable(Type.String()),
  teamId: Uuid,
  teamName: Type.String(),
  campaignId: Uuid,
  uploadedByName: Nullable(Type.String()),
  /** The member who sent it: nobody reviews their own photo, so the app offers them no buttons. */
  uploadedBy: Nullable(Uuid),
  createdAt: Type.String({ description: 'Thời điểm nộp (ISO 8601)' }),
  takenAt: Nullable(Type.String()),
  lat: Nullable(Type.Number()),
  lng: Nullable(Type.Number()),
  locationSource: Nullable(Type.Union([Type.Literal('zalo'), Type.Literal('exif')])),
  width: Type.Integer(),
  height: Type.Integer(),
  flags: EvidenceFlags,
  reviewStatus: ReviewStatus,
  reviewReason: Nullable(Type.String()),
  reviewedAt: Nullable(Type.String()),
});
export type EvidenceItem = Static<typeof EvidenceItem>;

export const EvidenceListQuery = Type.Object({
  flag: Type.Optional(EvidenceFlagCode),
  teamId: Type.Optional(Uuid),
  campaignId: Type.Optional(Uuid),
  status: Type.Optional(ReviewStatus),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 100 })),
});
export type EvidenceListQuery = Static<typeof EvidenceListQuery>;

export const EvidenceListReply = Type.Object({ items: Type.Array(EvidenceItem) });
export type EvidenceListReply = Static<typeof EvidenceListReply>;

export const EvidenceUploadReply = Type.Object({
  evidence: EvidenceItem,
  /** True when the same file (same sha256) was already stored in the ward and was reused. */
  reusedFile: Type.Boolean(),
});
export type EvidenceUploadReply = Static<typeof EvidenceUploadReply>;

export const EvidenceReviewBody = Type.Object({
  decision: Type.Union([Type.Literal('accept'), Type.Literal('needs_fix')]),
  reason: Type.Optional(Type.String({ maxLength: 500 })),
});
export type EvidenceReviewBody = Static<typeof EvidenceReviewBody>;

export const PhotoQuery = Type.Object({
  size: Type.Union([Type.Literal('thumb'), Type.Literal('display')], { default: 'thumb' }),
});
