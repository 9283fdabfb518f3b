import { type Static, Type } from '@sinclair/typebox';
import { ROLES } from '../roles.js';

export const ZaloSignInBody = Type.Object({
  accessToken: Type.String({
    minLength: 1,
    maxLength: 4096,
    description: 'Mã truy cập Zalo của mini app (getAccessToken)',
  }),
  phoneToken: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 4096,
      description: 'Mã số điện thoại (getPhoneNumber), chỉ lần đăng nhập đầu',
    }),
  ),
  ward: Type.Optional(
    Type.String({
      pattern: '^[a-z0-9-]{2,80}$',
      description:
        'Mã phường trong liên kết đã mở (?ward=…): người dân vào phường đó; người là thành viên của hai phường vào phường này',
    }),
  ),
});
export type ZaloSignInBody = Static<typeof ZaloSignInBody>;

export const SessionRole = Type.Union(ROLES.map((role) => Type.Literal(role)));

/** Who is signed in. A resident has no member id and no unit. */
export const MemberProfile = Type.Object({
  id: Type.Union([Type.String(), Type.Null()]),
  fullName: Type.String(),
  role: SessionRole,
  unitId: Type.Union([Type.String(), Type.Null()]),
  unitName: Type.Union([Type.String(), Type.Null()]),
  wardId: Type.String(),
  wardName: Type.String(),
  /** The ward's address in links (`?ward=`): Trang chủ shows a signed-in person their own ward. */
  wardSlug: Type.String(),
});
export type MemberProfile = Static<typeof MemberProfile>;

export const SignInReply = Type.Object({ token: Type.String(), member: MemberProfile });
export type SignInReply = Static<typeof SignInReply>;

export const MeReply = Type.Object({ member: MemberProfile });
export type MeReply = Static<typeof MeReply>;

/** How this server signs people in, for the sign-in screen outside Zalo (a browser). */
export const SignInOptions = Type.Object({
  zalo: Type.Union([Type.Literal('live'), Type.Literal('simulator')], {
    description:
      'live: chỉ đăng nhập được trong Zalo; simulator: bản trình diễn, trình giả lập Zalo đăng nhập thay trong trình duyệt',
  }),
  miniAppLinkBase: Type.String({ description: 'Địa chỉ mở mini app trong Zalo (MINI_APP_LINK_BASE)' }),
});
export type SignInOptions = Static<typeof SignInOptions>;
