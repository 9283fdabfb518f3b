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

/** How many of the campaign's posts Trang chủ lists. */
export const PUBLIC_POSTS_LIMIT = 20;

/** What anyone (a resident too) may read about the ward's current campaign. */
export const PublicCampaignReply = Type.Object({
  ward: Type.Object({ id: Uuid, name: Type.String() }),
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
  /** The current campaign's approved posts, newest approval first (empty without a campaign). */
  posts: Type.Array(
    Type.Object({
      id: Uuid,
      body: Type.String(),
      approvedAt: Type.String({ format: 'date-time' }),
    }),
    { maxItems: PUBLIC_POSTS_LIMIT },
  ),
});
export type PublicCampaignReply = Static<typeof PublicCampaignReply>;
