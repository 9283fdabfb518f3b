/**
 * The ward's sent posts as an Atom 1.0 feed (RFC 4287), so the ward's portal can link or ingest them.
 * Ids are `urn:uuid:` of the ward and of each post, so they stay the same if the server's address
 * changes; every link is absolute (PUBLIC_URL). `published` is the first send, `updated` when the text
 * shown was first sent (a daily post sent again is not an update).
 */
import type { PublicWard, SentPost } from '@loa/shared';
import { escapeAttribute as attr, paragraphsHtml, escapeText as text } from './markup.js';
import { feedPath, wardPagePath } from './sent-posts.js';

export function atomFeed(ward: PublicWard & { createdAt: Date }, posts: SentPost[], baseUrl: string): string {
  const updated = new Date(
    Math.max(ward.createdAt.getTime(), ...posts.map((post) => Date.parse(post.updatedAt))),
  ).toISOString();
  const entries = posts.map((post) => entry(post, ward, baseUrl)).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
  <id>urn:uuid:${attr(ward.id)}</id>
  <title>${text(`${ward.name}: tin đã gửi`)}</title>
  <subtitle>${text(`Các bài ${ward.name} đã gửi vào nhóm Zalo của các khu phố`)}</subtitle>
  <updated>${updated}</updated>
  <link rel="self" type="application/atom+xml" href="${attr(baseUrl + feedPath(ward.slug))}"/>
  <link rel="alternate" type="text/html" href="${attr(baseUrl + wardPagePath(ward.slug))}"/>
  <author><name>${text(ward.name)}</name></author>
  <generator>Loa Phường</generator>
${entries}
</feed>
`;
}

function entry(post: SentPost, ward: PublicWard, baseUrl: string): string {
  const image = post.imageUrl ? baseUrl + post.imageUrl : null;
  // The content is HTML carried as escaped text (type="html"): paragraphs, then the image.
  const html = paragraphsHtml(post.text) + (image ? `\n<p><img src="${attr(image)}" alt=""></p>` : '');
  return `  <entry>
    <id>urn:uuid:${attr(post.id)}</id>
    <title>${text(post.title)}</title>
    <published>${post.firstSentAt}</published>
    <updated>${post.updatedAt}</updated>
    <link rel="alternate" type="text/html" href="${attr(baseUrl + post.pageUrl)}"/>
${image ? `    <link rel="enclosure" type="image/jpeg" href="${attr(image)}"/>\n` : ''}    <author><name>${text(ward.name)}</name></author>
    <category term="${attr(post.campaignTitle)}"/>
    <content type="html">${text(html)}</content>
  </entry>`;
}
