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
});
export type PublicCampaignReply = Static<typeof PublicCampaignReply>;
