/**
 * Rules of posts: the text within Zalo's limit (counted as Zalo counts, link included), any edit back
 * to draft, approval by a leader who is not the author.
 */
import { randomUUID } from 'node:crypto';
import { POST_MAX_CHARS, type Post, type PostInput, type PostUpdate, zaloTextLength } from '@loa/shared';
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

export function withPreview(post: Omit<Post, 'preview'>, linkBase: string): Post {
  return { ...post, preview: composePostText(post.body, post.linkPath, linkBase) };
}

/** 404 unless the post exists in this ward (row-level security hides other wards' posts). */
export async function assertPostExists(db: Queryable, id: string): Promise<void> {
  if (!(await sql.findPost(db, id))) throw postNotFound();
}

export async function approve(db: Queryable, id: string, version: number, leaderId: string | undefined) {
  const post = await sql.findPost(db, id, true);
  if (!post) throw postNotFound();
  if (!leaderId || post.createdBy === leaderId) throw new AppError('POST_SELF_APPROVAL');
  if (post.status === 'approved') return post;
  if (!(await sql.approvePost(db, id, version, leaderId))) throw new AppError('CONFLICT');
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
  const id = randomUUID();
  const linkPath =
    input.linkPath === undefined ? ownPagePath(await sql.wardSlug(db, session.wardId), id) : input.linkPath;
  const body = checkedBody(input.body, linkPath, linkBase);
  if (!(await sql.findCampaignWindow(db, input.campaignId)))
    throw new AppError('NOT_FOUND', 'Không tìm thấy kế hoạch này.');
  await sql.insertPost(db, {
    id,
    wardId: session.wardId,
    campaignId: input.campaignId,
    body,
    imageSha256: input.imageSha256 ?? null,
    linkPath,
    createdBy: session.memberId ?? null,
  });
  return withPreview((await sql.findPost(db, id))!, linkBase);
}

/** Unchanged fields keep their value; the version must be the one the editor read. */
export async function updatePost(
  db: Queryable,
  id: string,
  change: PostUpdate,
  linkBase: string,
): Promise<Post> {
  const current = await sql.findPost(db, id, true);
  if (!current) throw postNotFound();
  if (current.status === 'archived') throw new AppError('POST_NOT_EDITABLE');
  const linkPath = change.linkPath === undefined ? current.linkPath : change.linkPath;
  const body = checkedBody(change.body ?? current.body, linkPath, linkBase);
  const imageSha256 = change.imageSha256 === undefined ? current.imageSha256 : change.imageSha256;
  if (!(await sql.updatePost(db, current.id, change.version, { body, imageSha256, linkPath })))
    throw new AppError('CONFLICT');
  return withPreview((await sql.findPost(db, current.id))!, linkBase);
}

export async function archivePost(db: Queryable, id: string): Promise<void> {
  if (!(await sql.archivePost(db, id))) throw postNotFound();
  await cancelPendingOccurrences(db, id);
}
