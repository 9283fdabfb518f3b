/**
 * Sign-in links. A new ward's first admin (from `npm run ward:create`) and any member staff choose get
 * a one-time link; opening it with Zalo links that Zalo account to the member, whatever phone number
 * Zalo knows. Only the token's sha256 is stored; a link lasts 7 days and works once.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { MemberInviteReply } from '@loa/shared';
import { recordAuditBy } from '../audit/audit.js';
import { findMemberById, type ProfileRow } from '../auth/service.js';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import type { Session } from '../plugins/auth.js';
import type { Queryable } from '../plugins/db.js';
import { giveZaloAccount, insertInvite, useInvite } from './invite-sql.js';
import { getMember } from './members-service.js';

const LINK_DAYS = 7;
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Where a link points. `miniApp`: the mini app in Zalo (MINI_APP_LINK_BASE), the only place a live
 * install can sign anyone in (outside Zalo there is no Zalo account to link). `demo`: with the Zalo
 * simulator only, this server's own page, which a desktop browser opens and the simulator signs in.
 */
export interface InviteLinkBases {
  miniApp: string;
  demo?: string;
}

export const inviteLinkBases = (
  config: Pick<Config, 'miniAppLinkBase' | 'publicUrl' | 'zalo'>,
): InviteLinkBases => ({
  miniApp: config.miniAppLinkBase,
  demo: config.zalo.mode === 'simulator' ? config.publicUrl : undefined,
});

/**
 * The link in the form Zalo documents for opening a mini app with values (`zalo.me/s/<app id>/?key=value`,
 * as the posts' links are); the mini app takes `invite` to its sign-in screen (lib/deep-link.tsx).
 */
export const inviteLink = (base: string, token: string) => `${base}/?invite=${token}`;

export async function createInvite(
  db: Queryable,
  invite: { wardId: string; memberId: string; createdBy: string | undefined; links: InviteLinkBases },
): Promise<MemberInviteReply> {
  const token = randomBytes(24).toString('base64url');
  const { expiresAt } = await insertInvite(db, {
    wardId: invite.wardId,
    memberId: invite.memberId,
    tokenSha256: hash(token),
    createdBy: invite.createdBy ?? null,
    days: LINK_DAYS,
  });
  return {
    link: inviteLink(invite.links.miniApp, token),
    ...(invite.links.demo ? { demoLink: inviteLink(invite.links.demo, token) } : {}),
    expiresAt,
  };
}

/** Staff make a link for an active member; only an admin makes one for an admin. Audited. */
export async function inviteMember(
  db: Queryable,
  session: Session,
  memberId: string,
  links: InviteLinkBases,
): Promise<MemberInviteReply> {
  const member = await getMember(db, memberId);
  if (!member.active)
    throw new AppError(
      'VALIDATION_FAILED',
      'Người này đang bị khóa. Mở khóa trước khi gửi liên kết đăng nhập.',
    );
  if (member.role === 'admin' && session.role !== 'admin') throw new AppError('MEMBER_ROLE_ADMIN_ONLY');
  const invite = await createInvite(db, {
    wardId: session.wardId,
    memberId: member.id,
    createdBy: session.memberId,
    links,
  });
  await recordAuditBy(db, session, {
    action: 'members.invite',
    entity: 'member',
    entityId: member.id,
    after: { expiresAt: invite.expiresAt },
  });
  return invite;
}

/**
 * Uses the invite (across wards: the ward is not known before) and links the Zalo ids to its member.
 * Returns the member id, or undefined when the link is unknown, used, expired or its member inactive.
 */
export async function redeemInvite(
  db: Queryable,
  token: string,
  zalo: { appUserId: string; oaUserId: string | null },
): Promise<string | undefined> {
  const memberId = await useInvite(db, hash(token));
  if (!memberId) return undefined;
  await giveZaloAccount(db, memberId, zalo);
  return memberId;
}

/** The sign-in by link, audited as the member's own act; undefined when the link does not sign anyone in. */
export async function signInWithInvite(
  db: Queryable,
  token: string,
  zalo: { appUserId: string; oaUserId: string | null },
): Promise<ProfileRow | undefined> {
  const memberId = await redeemInvite(db, token, zalo);
  const found = memberId ? await findMemberById(db, memberId) : undefined;
  if (!found) return undefined;
  await recordAuditBy(
    db,
    { wardId: found.wardId, memberId: found.id },
    { action: 'auth.invite', entity: 'member', entityId: found.id },
  );
  return found;
}
