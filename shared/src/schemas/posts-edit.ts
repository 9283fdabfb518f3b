/** Sending a post back, its exact preview, its image and the loudspeaker (slots, plays). */
import { type Static, Type } from '@sinclair/typebox';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const TimeOfDay = Type.String({
  pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
  description: 'Giờ (HH:mm, giờ Việt Nam)',
});

export const SendBackInput = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    reason: Type.String({ minLength: 1, maxLength: 1000, description: 'Lý do trả lại, người soạn sẽ thấy' }),
  },
  { additionalProperties: false },
);
export type SendBackInput = Static<typeof SendBackInput>;

export const PostPreviewInput = Type.Object(
  {
    body: Type.String({ maxLength: 4000 }),
    /** Absent: a new post's own page, as POST /api/posts gives it (with `id`, the id it will have). */
    linkPath: Type.Optional(Nullable(Type.String({ pattern: '^/[A-Za-z0-9/_?=&.-]{0,200}$' }))),
    id: Type.Optional(Type.String({ format: 'uuid' })),
    loudspeakerScript: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
  },
  { additionalProperties: false },
);
export type PostPreviewInput = Static<typeof PostPreviewInput>;

export const ScriptProblemSchema = Type.Object({
  kind: Type.String(),
  blocking: Type.Boolean(),
  message: Type.String(),
});

/** Exactly what the server would send and keep, counted as Zalo counts. */
export const PostPreview = Type.Object({
  text: Type.String(),
  length: Type.Integer(),
  max: Type.Integer(),
  /** The id the new post will have if created with it (its link names it); null when a link was given. */
  postId: Type.Union([Type.String(), Type.Null()]),
  loudspeaker: Type.Union([
    Type.Object({
      spoken: Type.String(),
      seconds: Type.Integer(),
      problems: Type.Array(ScriptProblemSchema),
    }),
    Type.Null(),
  ]),
});
export type PostPreview = Static<typeof PostPreview>;

export const PostImage = Type.Object({
  sha256: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  bytes: Type.Integer(),
});
export type PostImage = Static<typeof PostImage>;

export const LoudspeakerSlots = Type.Object(
  { timesOfDay: Type.Array(TimeOfDay, { minItems: 1, maxItems: 6, uniqueItems: true }) },
  { additionalProperties: false },
);
export type LoudspeakerSlots = Static<typeof LoudspeakerSlots>;

export const LoudspeakerPlayInput = Type.Object(
  {
    playedAt: Type.Optional(
      Type.String({ format: 'date-time', description: 'Lúc phát (mặc định: bây giờ)' }),
    ),
  },
  { additionalProperties: false },
);

export const LoudspeakerPlay = Type.Object({
  id: Type.String(),
  playedAt: Type.String(),
  reportedByName: Nullable(Type.String()),
});
export const LoudspeakerPlayList = Type.Object({ plays: Type.Array(LoudspeakerPlay) });
export type LoudspeakerPlayList = Static<typeof LoudspeakerPlayList>;
