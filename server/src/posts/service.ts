/**
 * Rules of posts: the text within Zalo's limit (counted as Zalo counts, link included), any edit back
 * to draft, approval by a leader who is not the author.
 */
import { randomUUID } from 'node:crypto';
import {
  LOUDSPEAKER_SCRIPT_MAX_CHARS,
  loudspeakerProblems,
  POST_MAX_CHARS,
  type Post,
  type PostInput,
  type PostPreview,
  type PostPreviewInput,
  type PostUpdate,
  readingSeconds,
  spokenVietnamese,
  zaloTextLength,
} from '@loa/shared';
import { recordAudit, recordAuditBy } from '../audit/audit.js';
import { cancelOverdueOccurrences, cancelPendingOccurrences } from '../broadcasts/occurrences.js';
import { AppError } from '../errors.js';
import type { Queryable } from '../plugins/db.js';
import * as sql from './sql.js';

export const postNotFound = () => new AppError('NOT_FOUND', 'Không tìm thấy bài đăng này.');

/** The exact text a group receives; the ledger composes the same at send time. */
export function composePostText(body: string, linkPath: string | null, linkBase: string): string {
  return (linkPath ? `${body}\n\nXem chi tiết: ${linkBase}${linkPath}` : body).normalize('NFC');
}

/** The mini app opens this post of this ward from `<MINI_APP_LINK_BASE>/?ward=…&post=…`. */
export function ownPagePath(wardSlug: string, postId: string): string {
  return `/?ward=${wardSlug}&post=${postId}`;
}

export function checkedBody(body: string, linkPath: string | null, linkBase: string): string {
  const text = body.normalize('NFC').trim();
  const composed = composePostText(text, linkPath, linkBase);
  if (text.length === 0)
    throw new AppError('VALIDATION_FAILED', 'Nội dung bài đăng đang trống. Hãy nhập nội dung.');
  const length = zaloTextLength(composed);
  if (length > POST_MAX_CHARS)
    throw new AppError(
      'POST_TOO_LONG',
      `Bài đăng dài ${length} ký tự (tính cả đường dẫn), quá giới hạn ${POST_MAX_CHARS}. Hãy rút gọn ${length - POST_MAX_CHARS} ký tự.`,
    );
  return text;
}

/**
 * The loudspeaker script as kept: NFC, trimmed, empty = none. A link or an emoji cannot be read aloud
 * and is refused; digits are only a suggestion (the preview shows them as they are read).
 */
export function checkedScript(script: string | null | undefined): string | null {
  const text = (script ?? '').normalize('NFC').trim();
  if (!text) return null;
  if (text.length > LOUDSPEAKER_SCRIPT_MAX_CHARS)
    throw new AppError(
      'VALIDATION_FAILED',
      `Bài đọc loa dài ${text.length} ký tự, quá giới hạn ${LOUDSPEAKER_SCRIPT_MAX_CHARS}. Hãy rút gọn.`,
    );
  const blocking = loudspeakerProblems(text).filter((p) => p.blocking);
  if (blocking.length > 0)
    throw new AppError(
      'VALIDATION_FAILED',
      blocking.map((p) => p.message).join(' '),
      blocking.map((p) => ({ field: 'loudspeakerScript', message: p.message })),
    );
  return text;
}

/**
 * Exactly what the server would keep and send for this text, without saving anything: the mini app's
 * preview and count are this, so the compose screen shows the saved post (link line included). A new
 * post without a link of its own links to its own page, which names its id: the preview picks the id
 * (or keeps the one the form already has) and the form creates the post with it, so the saved text is
 * the previewed one to the character.
 */
export async function previewOf(
  db: Queryable,
  wardId: string,
  input: PostPreviewInput,
  linkBase: string,
): Promise<PostPreview> {
  const body = input.body.normalize('NFC').trim();
  const postId = input.linkPath === undefined ? (input.id ?? randomUUID()) : null;
  const linkPath = postId ? ownPagePath(await sql.wardSlug(db, wardId), postId) : (input.linkPath ?? null);
  const text = composePostText(body, linkPath, linkBase);
  const script = (input.loudspeakerScript ?? '').normalize('NFC').trim();
  return {
    text,
    length: zaloTextLength(text),
    max: POST_MAX_CHARS,
    postId,
    loudspeaker: script
      ? {
          spoken: spokenVietnamese(script),
          seconds: readingSeconds(script),
          problems: loudspeakerProblems(script),
        }
      : null,
  };
}

/** An image must have been uploaded in this ward first (POST /api/post-images). */
async function checkedImage(db: Queryable, sha256: string | null): Promise<string | null> {
  if (sha256 && !(await sql.imageExists(db, sha256)))
    throw new AppError('VALIDATION_FAILED', 'Không tìm thấy ảnh đính kèm. Hãy tải ảnh lên lại rồi lưu.');
  return sha256;
}

export function withPreview(post: Omit<Post, 'preview'>, linkBase: string): Post {
  return { ...post, preview: composePostText(post.body, post.linkPath, linkBase) };
}

/** 404 unless the post exists in this ward (row-level security hides other wards' posts). */
export async function assertPostExists(db: Queryable, id: string): Promise<void> {
  if (!(await sql.findPost(db, id))) throw postNotFound();
}

export async function approve(
  db: Queryable,
  id: string,
  version: number,
  leaderId: string | undefined,
  wardId: string,
) {
  const post = await sql.findPost(db, id, true);
  if (!post) throw postNotFound();
  if (!leaderId || post.createdBy === leaderId) throw new AppError('POST_SELF_APPROVAL');
  if (post.status === 'approved') return post;
  if (!(await sql.approvePost(db, id, version, leaderId))) throw new AppError('CONFLICT');
  await recordAudit(db, {
    wardId,
    actorMemberId: leaderId,
    action: 'posts.approve',
    entity: 'post',
    entityId: id,
    before: { status: post.status, version: post.version },
  });
  // What fell due while the post waited in draft (after an edit) is dropped: a re-approved post must
  // not go out late in a burst.
  await cancelOverdueOccurrences(db, id);
  return (await sql.findPost(db, id))!;
}

export async function createPost(
  db: Queryable,
  session: { wardId: string; memberId?: string },
  input: PostInput,
  linkBase: string,
): Promise<Post> {
  // Without a link of its own, a post links to its own page in the mini app, in its ward: "Xem chi
  // tiết" in the group (and the same text shared on) opens this post, not the default ward's home.
  // The id the preview showed in the link, when the form sends it back (a reused id is a conflict).
  const id = input.id ?? randomUUID();
  if (input.id && (await sql.findPost(db, input.id))) throw new AppError('CONFLICT');
  const linkPath =
    input.linkPath === undefined ? ownPagePath(await sql.wardSlug(db, session.wardId), id) : input.linkPath;
  const body = checkedBody(input.body, linkPath, linkBase);
  const loudspeakerScript = checkedScript(input.loudspeakerScript);
  if (!(await sql.findCampaignWindow(db, input.campaignId)))
    throw new AppError('NOT_FOUND', 'Không tìm thấy kế hoạch này.');
  await sql.insertPost(db, {
    id,
    wardId: session.wardId,
    campaignId: input.campaignId,
    body,
    imageSha256: await checkedImage(db, input.imageSha256 ?? null),
    linkPath,
    createdBy: session.memberId ?? null,
    loudspeakerScript,
  });
  const post = (await sql.findPost(db, id))!;
  await recordAuditBy(db, session, { action: 'posts.create', entity: 'post', entityId: id, after: post });
  return withPreview(post, linkBase);
}

/** Unchanged fields keep their value; the version must be the one the editor read. */
export async function updatePost(
  db: Queryable,
  session: { wardId: string; memberId?: string },
  id: string,
  change: PostUpdate,
  linkBase: string,
): Promise<Post> {
  const current = await sql.findPost(db, id, true);
  if (!current) throw postNotFound();
  if (current.status === 'archived') throw new AppError('POST_NOT_EDITABLE');
  const linkPath = change.linkPath === undefined ? current.linkPath : change.linkPath;
  const body = checkedBody(change.body ?? current.body, linkPath, linkBase);
  const imageSha256 =
    change.imageSha256 === undefined ? current.imageSha256 : await checkedImage(db, change.imageSha256);
  const loudspeakerScript =
    change.loudspeakerScript === undefined
      ? current.loudspeakerScript
      : checkedScript(change.loudspeakerScript);
  if (
    !(await sql.updatePost(db, current.id, change.version, {
      body,
      imageSha256,
      linkPath,
      loudspeakerScript,
    }))
  )
    throw new AppError('CONFLICT');
  const after = (await sql.findPost(db, current.id))!;
  await recordAuditBy(db, session, {
    action: 'posts.update',
    entity: 'post',
    entityId: id,
    before: current,
    after,
  });
  return withPreview(after, linkBase);
}

/** A leader sends a draft (or an approved post) back to its author with a reason; audited. */
export async function sendBack(
  db: Queryable,
  session: { wardId: string; memberId?: string },
  id: string,
  input: { version: number; reason: string },
  linkBase: string,
): Promise<Post> {
  const reason = input.reason.normalize('NFC').trim();
  if (!reason)
    throw new AppError('VALIDATION_FAILED', 'Hãy ghi lý do trả lại để người soạn biết cần sửa gì.');
  const current = await sql.findPost(db, id, true);
  if (!current) throw postNotFound();
  if (current.status === 'archived') throw new AppError('POST_NOT_EDITABLE');
  if (!session.memberId) throw new AppError('FORBIDDEN');
  if (!(await sql.sendBackPost(db, id, input.version, { reason, leaderId: session.memberId })))
    throw new AppError('CONFLICT');
  await recordAuditBy(db, session, {
    action: 'posts.sendBack',
    entity: 'post',
    entityId: id,
    before: { status: current.status, version: current.version },
    after: { status: 'draft', reason },
  });
  return withPreview((await sql.findPost(db, id))!, linkBase);
}

export async function archivePost(
  db: Queryable,
  session: { wardId: string; memberId?: string },
  id: string,
): Promise<void> {
  const current = await sql.findPost(db, id, true);
  if (!current || !(await sql.archivePost(db, id))) throw postNotFound();
  const cancelledSends = await cancelPendingOccurrences(db, id);
  await recordAuditBy(db, session, {
    action: 'posts.archive',
    entity: 'post',
    entityId: id,
    before: { status: current.status, version: current.version },
    after: { status: 'archived', cancelledSends },
  });
}
