/**
 * The ward's public web pages, rendered on the server: the list of sent posts and one page per post.
 * No script and no inline style (the site's CSP is `'self'`); the stylesheet is /w/site.css. Every
 * value from the database is escaped (markup.ts). Dates are the ward's (dd/mm/yyyy HH:mm).
 */
import { formatDateTimeVi, type PublicWard, type SentPost } from '@loa/shared';
import { escapeAttribute as attr, paragraphsHtml, escapeText as text } from './markup.js';
import { feedPath, wardPagePath } from './sent-posts.js';

interface Head {
  title: string;
  description?: string;
  /** Absolute address of this page and of an image, for link previews (Zalo, Facebook). */
  url?: string;
  image?: string | null;
  feed?: { title: string; href: string };
}

function page(head: Head, body: string): string {
  const meta = [
    head.description ? `<meta name="description" content="${attr(head.description)}">` : '',
    `<meta property="og:title" content="${attr(head.title)}">`,
    head.description ? `<meta property="og:description" content="${attr(head.description)}">` : '',
    head.url ? `<meta property="og:url" content="${attr(head.url)}">` : '',
    head.image ? `<meta property="og:image" content="${attr(head.image)}">` : '',
    head.feed
      ? `<link rel="alternate" type="application/atom+xml" title="${attr(head.feed.title)}" href="${attr(head.feed.href)}">`
      : '',
  ]
    .filter(Boolean)
    .join('\n');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text(head.title)}</title>
${meta}
<link rel="stylesheet" href="/w/site.css">
</head>
<body>
${body}
</body>
</html>
`;
}

function time(instant: string, label: string): string {
  return `<time datetime="${attr(instant)}">${text(`${label} ${formatDateTimeVi(instant)}`)}</time>`;
}

function image(post: SentPost): string {
  return post.imageUrl
    ? `<img class="post-image" src="${attr(post.imageUrl)}" alt="${attr(`Ảnh của bài: ${post.title}`)}" loading="lazy">`
    : '';
}

/** `/w/:slug`: the ward's sent posts, newest first, each with its text, image and page link. */
export function wardPageHtml(
  ward: PublicWard,
  posts: SentPost[],
  baseUrl: string,
  olderHref: string | null,
): string {
  const feedTitle = `${ward.name}: tin đã gửi (Atom)`;
  const items = posts
    .map(
      (post) => `<article class="post" id="bai-${attr(post.id)}">
<h2><a href="${attr(post.pageUrl)}">${text(post.title)}</a></h2>
<p class="post-meta">${time(post.firstSentAt, 'Đã gửi lúc')} · ${text(post.campaignTitle)}</p>
${paragraphsHtml(post.text)}
${image(post)}
</article>`,
    )
    .join('\n');
  const body = `<header class="site-header">
<p class="site-ward">${text(ward.name)}</p>
<h1>Tin đã gửi</h1>
<p class="site-lead">Các bài ${text(ward.name)} đã gửi vào nhóm Zalo của các khu phố, mới nhất trước.</p>
<p><a href="${attr(feedPath(ward.slug))}">Nguồn tin Atom</a> để cổng thông tin phường lấy tin tự động.</p>
</header>
<main>
${posts.length === 0 ? '<p class="empty">Phường chưa gửi bài nào.</p>' : items}
${olderHref ? `<p class="pager"><a href="${attr(olderHref)}">Xem các bài cũ hơn</a></p>` : ''}
</main>`;
  return page(
    {
      title: `${ward.name}: tin đã gửi`,
      description: `Các bài ${ward.name} đã gửi vào nhóm Zalo của các khu phố.`,
      url: baseUrl + wardPagePath(ward.slug),
      feed: { title: feedTitle, href: feedPath(ward.slug) },
    },
    body,
  );
}

/** `/w/:slug/posts/:id`: one sent post, with a way back to the list and into the mini app. */
export function postPageHtml(ward: PublicWard, post: SentPost, baseUrl: string, miniAppHref: string): string {
  const body = `<header class="site-header">
<p class="site-ward"><a href="${attr(wardPagePath(ward.slug))}">${text(ward.name)}</a></p>
</header>
<main>
<article class="post post-single">
<h1>${text(post.title)}</h1>
<p class="post-meta">${time(post.firstSentAt, 'Đã gửi lúc')} · ${text(post.campaignTitle)}</p>
${paragraphsHtml(post.text)}
${image(post)}
</article>
<p class="pager"><a href="${attr(wardPagePath(ward.slug))}">← Tất cả tin của ${text(ward.name)}</a></p>
<p class="pager"><a href="${attr(miniAppHref)}">Mở trong Zalo (Loa Phường)</a></p>
</main>`;
  return page(
    {
      title: `${post.title} · ${ward.name}`,
      description: post.text.replace(/\s+/g, ' ').slice(0, 200),
      url: baseUrl + post.pageUrl,
      image: post.imageUrl ? baseUrl + post.imageUrl : null,
      feed: { title: `${ward.name}: tin đã gửi (Atom)`, href: feedPath(ward.slug) },
    },
    body,
  );
}

/** The 404 page, in Vietnamese, saying what is missing and where to go instead. */
export function notFoundHtml(message: string, back?: { href: string; label: string }): string {
  return page(
    { title: 'Không tìm thấy trang' },
    `<main>
<h1>Không tìm thấy trang</h1>
<p>${text(message)}</p>
${back ? `<p class="pager"><a href="${attr(back.href)}">${text(back.label)}</a></p>` : ''}
</main>`,
  );
}

export const SITE_CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #5b6470; --line: #dde2e8; --brand: #0068ff; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 42rem; padding: 1rem; font: 17px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; overflow-wrap: anywhere; }
a { color: var(--brand); }
.site-header { border-bottom: 1px solid var(--line); margin-bottom: 1rem; }
.site-ward { margin: 0; font-weight: 600; color: var(--muted); }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0.25rem 0 0.5rem; }
h2 { font-size: 1.15rem; line-height: 1.3; margin: 0 0 0.25rem; }
.site-lead, .post-meta, .empty { color: var(--muted); }
.post-meta { font-size: 0.9rem; margin: 0 0 0.5rem; }
.post { padding: 1rem 0; border-bottom: 1px solid var(--line); }
.post p { margin: 0 0 0.75rem; }
.post-image { display: block; max-width: 100%; height: auto; border-radius: 6px; }
.pager { margin: 1rem 0; }
`;
