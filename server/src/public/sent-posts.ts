/**
 * Sent posts as the public reads them, the same for the mini app's API, the ward's web page and its
 * Atom feed: the text that went out (without the "Xem chi tiết" line, which points back here), a title
 * made from its first line, and where its page and image live on this server.
 */
import { PUBLIC_POSTS_LIMIT, type SentPost } from '@loa/shared';
import type { Db } from '../plugins/db.js';
import { findSentPost, listSentPosts, type SentPostRow } from './sent-sql.js';
import { findWardBySlug, type WardRow } from './sql.js';

const SLUG = /^[a-z0-9-]{2,80}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string) => UUID.test(value);

/** The ward an address names, or undefined (also for a slug no ward could have). */
export async function wardBySlug(db: Db, slug: string): Promise<WardRow | undefined> {
  if (!SLUG.test(slug)) return undefined;
  return db.withSystem((client) => findWardBySlug(client, slug));
}

/** The ledger adds "\n\nXem chi tiết: <link>" to what it sends; the public pages are that link's target. */
export function withoutLinkLine(text: string): string {
  return text.replace(/\n\nXem chi tiết: \S+\s*$/u, '').trim();
}

/** The first line, cut at a word boundary (never inside a word), with "…" when cut. */
export function titleOf(text: string, max = 90): string {
  const line = (text.split('\n').find((l) => l.trim() !== '') ?? text).replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max + 1);
  const end = cut.lastIndexOf(' ');
  return `${(end > max / 2 ? cut.slice(0, end) : line.slice(0, max)).trimEnd()}…`;
}

export const wardPagePath = (slug: string) => `/w/${slug}`;
export const postPagePath = (slug: string, id: string) => `/w/${slug}/posts/${id}`;
export const feedPath = (slug: string) => `/w/${slug}/feed.atom`;

export function toSentPost(row: SentPostRow, slug: string): SentPost {
  const text = withoutLinkLine(row.sentText);
  const page = postPagePath(slug, row.id);
  return {
    id: row.id,
    title: titleOf(text),
    text,
    campaignTitle: row.campaignTitle,
    firstSentAt: row.firstSentAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    // The hash in the address: a new image is a new address, so caches never show the old one.
    imageUrl: row.imageSha256 ? `${page}/image?v=${row.imageSha256.slice(0, 16)}` : null,
    pageUrl: page,
  };
}

export interface SentPage {
  posts: SentPost[];
  nextBefore: string | null;
}

/** One page of the ward's sent posts, newest first send first. */
export async function sentPostsPage(
  db: Db,
  ward: WardRow,
  before?: Date,
  limit = PUBLIC_POSTS_LIMIT,
): Promise<SentPage> {
  // One more than a page tells whether there is a next one.
  const rows = await db.withWard(ward.id, (client) => listSentPosts(client, limit + 1, before));
  const posts = rows.slice(0, limit).map((row) => toSentPost(row, ward.slug));
  return {
    posts,
    nextBefore: rows.length > limit ? (posts.at(-1)?.firstSentAt ?? null) : null,
  };
}

export async function sentPost(db: Db, ward: WardRow, id: string): Promise<SentPost | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await db.withWard(ward.id, (client) => findSentPost(client, id));
  return row && toSentPost(row, ward.slug);
}

/** The stored image of a sent post (its sha256), or undefined: unsent, unknown or without image. */
export async function sentPostImage(db: Db, ward: WardRow, id: string): Promise<string | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await db.withWard(ward.id, (client) => findSentPost(client, id));
  return row?.imageSha256 ?? undefined;
}
