import { type Static, Type } from '@sinclair/typebox';
import { IsoDay, Uuid } from './common.js';

export const CampaignStatus = Type.Union([
  Type.Literal('draft'),
  Type.Literal('approved'),
  Type.Literal('active'),
  Type.Literal('closed'),
]);
export type CampaignStatus = Static<typeof CampaignStatus>;

export const PublicCampaignQuery = Type.Object({
  ward: Type.Optional(Type.String({ minLength: 1, maxLength: 80, description: 'Mã phường (slug)' })),
});

/** How many sent posts one page lists (Trang chủ, the ward's web page, one API page). */
export const PUBLIC_POSTS_LIMIT = 20;

/** A ward's public address part: `/w/<slug>`, `?ward=<slug>`. */
export const WardSlug = Type.String({
  pattern: '^[a-z0-9-]{2,80}$',
  description: 'Mã phường (slug), ví dụ "dau-giay"',
});

export const PublicWard = Type.Object({ id: Uuid, slug: Type.String(), name: Type.String() });
export type PublicWard = Static<typeof PublicWard>;

/**
 * A post as residents may read it: only once it was delivered to a group (sent by the OA or shared by
 * a team), with the text that was sent (without its "Xem chi tiết" line). No member data.
 */
export const SentPost = Type.Object({
  id: Uuid,
  /** Its first line, cut at a word: posts have no title of their own. */
  title: Type.String(),
  text: Type.String(),
  campaignTitle: Type.String(),
  /** When it first reached a group, and when the text shown first did (later if it was edited and sent again). */
  firstSentAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  /** Path of its image on this server (a JPEG), or null. */
  imageUrl: Type.Union([Type.String(), Type.Null()]),
  /** Path of its public web page on this server. */
  pageUrl: Type.String(),
});
export type SentPost = Static<typeof SentPost>;

/** What anyone (a resident too) may read about the ward's current campaign. */
export const PublicCampaignReply = Type.Object({
  ward: PublicWard,
  campaign: Type.Union([
    Type.Object({
      id: Uuid,
      number: Type.Union([Type.String(), Type.Null()]),
      title: Type.String(),
      theme: Type.String(),
      slogans: Type.Array(Type.String()),
      startsOn: IsoDay,
      endsOn: IsoDay,
      status: CampaignStatus,
    }),
    Type.Null(),
  ]),
  /** The ward's sent posts (any campaign), newest first: the first page of /api/public/wards/{slug}/posts. */
  posts: Type.Array(SentPost, { maxItems: PUBLIC_POSTS_LIMIT }),
});
export type PublicCampaignReply = Static<typeof PublicCampaignReply>;

export const WardSlugParams = Type.Object({ slug: WardSlug });
export const WardPostParams = Type.Object({ slug: WardSlug, id: Uuid });

export const SentPostsQuery = Type.Object({
  before: Type.Optional(
    Type.String({ format: 'date-time', description: 'Trang sau: các bài gửi lần đầu trước thời điểm này' }),
  ),
});

export const SentPostsReply = Type.Object({
  ward: PublicWard,
  posts: Type.Array(SentPost, { maxItems: PUBLIC_POSTS_LIMIT }),
  /** `before` for the next page, or null when this is the last one. */
  nextBefore: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type SentPostsReply = Static<typeof SentPostsReply>;

export const SentPostReply = Type.Object({ ward: PublicWard, post: SentPost });
export type SentPostReply = Static<typeof SentPostReply>;

/** A signed-in member's own ward's sent posts, with the server's public address (for links to them). */
export const MySentPostsReply = Type.Object({
  ward: PublicWard,
  posts: Type.Array(SentPost, { maxItems: PUBLIC_POSTS_LIMIT }),
  /** PUBLIC_URL: `publicUrl + post.pageUrl` is the post's page on the web. */
  publicUrl: Type.String(),
});
export type MySentPostsReply = Static<typeof MySentPostsReply>;
