/**
 * What residents and the ward's website may read: only posts that reached a group, newest first, in
 * the ward the address names. Posts go through the real path (written by staff, approved by a leader,
 * scheduled, sent by the broadcast engine to a fake Zalo, or shared by a team), never inserted as sent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BroadcastEngine } from '../../server/src/broadcasts/engine.js';
import { postImageKey } from '../../server/src/posts/images.js';
import { addGroups } from '../helpers/broadcasts.js';
import { buildEvidenceApp, type EvidenceTestApp, PHOTOS } from '../helpers/evidence.js';
import { createWard, type WardFixture } from '../helpers/factories.js';
import { FakeZalo } from '../helpers/fake-zalo.js';
import { authHeader, teamMemberHeader } from '../helpers/sessions.js';

const year = new Date().getUTCFullYear() + 1;
const START = `${year}-05-18`;
const END = `${year}-05-24`;
const ATOM = 'http://www.w3.org/2005/Atom';

/** The fake Zalo that also takes images: the upload gives an attachment, the caption is the post. */
class ImageZalo extends FakeZalo {
  readonly images: string[] = [];
  async uploadImage(image: Buffer) {
    this.images.push(image.subarray(0, 3).toString('hex'));
    return { attachmentId: `att-${this.images.length}` };
  }
  sendGroupImage(groupId: string, text: string) {
    return this.sendGroupText(groupId, text);
  }
}

describe('sent posts: public API, ward web pages and Atom feed', () => {
  let t: EvidenceTestApp;
  let a: WardFixture;
  let b: WardFixture;
  const zalo = new ImageZalo();
  const ids: Record<string, string> = {};
  let sharedDeliveryId: string;
  let photoSha: string;

  const headers = (ward: WardFixture, role: 'staff' | 'leader') =>
    authHeader(t.app, {
      memberId: role === 'staff' ? ward.staffId : ward.leaderId,
      wardId: ward.wardId,
      role,
      unitId: ward.unitId,
    });
  const get = (url: string, extra: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers: extra });

  async function write(ward: WardFixture, body: string, extra: object = {}) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/posts',
      headers: headers(ward, 'staff'),
      payload: { campaignId: ward.campaignId, body, ...extra },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number; preview: string };
  }
  async function approve(ward: WardFixture, post: { id: string; version: number }) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/approve`,
      headers: headers(ward, 'leader'),
      payload: { version: post.version },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  async function schedule(ward: WardFixture, postId: string, runAt: string, groupIds: string[]) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/posts/${postId}/schedules`,
      headers: headers(ward, 'staff'),
      payload: { kind: 'once', runAt, targets: { groupIds } },
    });
    expect(res.statusCode, res.body).toBe(201);
  }

  beforeAll(async () => {
    t = await buildEvidenceApp();
    a = await createWard(t.app.db, 'Phường Một');
    b = await createWard(t.app.db, 'Phường Hai');
    for (const ward of [a, b])
      await t.app.db.withSystem((c) =>
        c.query(`UPDATE campaigns SET starts_on = $2, ends_on = $3 WHERE id = $1`, [
          ward.campaignId,
          START,
          END,
        ]),
      );
    const [aOa, aShare] = await addGroups(t.app.db, a, 1, 1);
    const [bOa] = await addGroups(t.app.db, b, 1);

    // A real photo through the post image upload: decoded, re-encoded without metadata, stored.
    const uploaded = await t.app.inject({
      method: 'POST',
      url: '/api/post-images',
      headers: { ...headers(a, 'staff'), 'content-type': 'image/jpeg' },
      payload: readFileSync(join(PHOTOS, 'phone-nokia-8.3.jpg')),
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    photoSha = uploaded.json().sha256;

    // Ward A: a draft, an approved post never scheduled, one scheduled for later, two sent (the
    // second later, with an image and characters to escape), one only for a team to share, one
    // sent then archived. Ward B: one sent.
    ids.draft = (await write(a, 'Bài nháp chưa duyệt')).id;
    const approvedOnly = await write(a, 'Bài đã duyệt nhưng chưa lên lịch');
    await approve(a, approvedOnly);
    ids.approvedOnly = approvedOnly.id;
    const later = await write(a, 'Bài hẹn giờ gửi sau');
    await approve(a, later);
    await schedule(a, later.id, `${END}T20:00:00+07:00`, [aOa!.id]);
    ids.later = later.id;

    const first = await write(
      a,
      'Mời bà con dự Ngày hội chuyển đổi số\n\nSáng 18/5 tại nhà văn hóa khu phố 1.',
    );
    await approve(a, first);
    await schedule(a, first.id, `${START}T07:00:00+07:00`, [aOa!.id]);
    ids.first = first.id;
    ids.firstPreview = first.preview;
    const second = await write(a, 'Cảnh giác <script>alert("lừa đảo")</script> & tin giả\nGọi 113 khi cần.', {
      imageSha256: photoSha,
    });
    await approve(a, second);
    await schedule(a, second.id, `${START}T09:00:00+07:00`, [aOa!.id]);
    ids.second = second.id;
    const shareOnly = await write(a, 'Bài cho tổ chia sẻ vào nhóm khu phố');
    await approve(a, shareOnly);
    await schedule(a, shareOnly.id, `${START}T08:00:00+07:00`, [aShare!.id]);
    ids.shareOnly = shareOnly.id;
    const archived = await write(a, 'Bài đã gửi rồi lưu trữ');
    await approve(a, archived);
    await schedule(a, archived.id, `${START}T07:30:00+07:00`, [aOa!.id]);
    ids.archived = archived.id;

    const other = await write(b, 'Bài riêng của Phường Hai');
    await approve(b, other);
    await schedule(b, other.id, `${START}T07:00:00+07:00`, [bOa!.id]);
    ids.other = other.id;

    const engine = new BroadcastEngine({
      db: t.app.db,
      messengerFor: () => zalo,
      log: t.app.log,
      ratePerMinute: 600_000,
      leaseMs: 30_000,
      linkBase: 'https://zalo.me/s/thu',
      loadImage: (wardId, sha256) => t.app.photoStorage.getIfExists(postImageKey(wardId, sha256)),
    });
    for (const at of ['07:00', '07:30', '08:00', '09:00'])
      await engine.runOnce(new Date(`${START}T${at}:00+07:00`));
    const archive = await t.app.inject({
      method: 'DELETE',
      url: `/api/posts/${ids.archived}`,
      headers: headers(a, 'staff'),
    });
    expect(archive.statusCode, archive.body).toBeLessThan(300);
    sharedDeliveryId = await t.app.db.withSystem(
      async (c) =>
        (
          await c.query(
            `SELECT d.id FROM deliveries d JOIN occurrences o ON o.id = d.occurrence_id
              WHERE o.post_id = $1 AND d.target_kind = 'team_share'`,
            [ids.shareOnly],
          )
        ).rows[0].id,
    );
  }, 60_000);
  afterAll(() => t?.close());

  const listed = async (slug: string) => {
    const res = await get(`/api/public/wards/${slug}/posts`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      ward: { name: string };
      posts: { id: string; text: string; imageUrl: string | null }[];
    };
  };

  it('a post links to its own page in its ward, and that link is what the group received', async () => {
    const link = `/?ward=${a.slug}&post=${ids.first}`;
    expect(ids.firstPreview).toBe(
      `Mời bà con dự Ngày hội chuyển đổi số\n\nSáng 18/5 tại nhà văn hóa khu phố 1.\n\nXem chi tiết: https://zalo.me/s/loa-phuong${link}`,
    );
    const received = zalo.accepted.find((m) => m.text.startsWith('Mời bà con dự Ngày hội'));
    expect(received?.text.endsWith(`Xem chi tiết: https://zalo.me/s/thu${link}`)).toBe(true);
  });

  it('the post with an image went to its group as the image, the text as its caption', async () => {
    expect(zalo.images).toEqual(['ffd8ff']);
    expect(zalo.accepted.some((m) => m.text.startsWith('Cảnh giác <script>'))).toBe(true);
  });

  it('lists only what reached a group, newest first, with the text as sent and no member data', async () => {
    const body = await listed(a.slug);
    expect(body.ward.name).toBe('Phường Một');
    expect(body.posts.map((p) => p.id)).toEqual([ids.second, ids.first]);
    const [second, first] = body.posts;
    expect(first).toMatchObject({
      title: 'Mời bà con dự Ngày hội chuyển đổi số',
      text: 'Mời bà con dự Ngày hội chuyển đổi số\n\nSáng 18/5 tại nhà văn hóa khu phố 1.',
      pageUrl: `/w/${a.slug}/posts/${ids.first}`,
      imageUrl: null,
      campaignTitle: expect.any(String),
      firstSentAt: expect.any(String),
    });
    expect(second!.imageUrl).toMatch(new RegExp(`^/w/${a.slug}/posts/${ids.second}/image\\?v=`));
    // Nobody's name or id travels to the public.
    const raw = JSON.stringify(body);
    for (const id of [a.staffId, a.leaderId, a.teamMemberId]) expect(raw).not.toContain(id);
    expect(raw).not.toMatch(/createdBy|approvedBy|fullName|phone/);

    // Trang chủ's one request carries the same list.
    const home = await get(`/api/public/campaign?ward=${a.slug}`);
    expect(home.json().posts.map((p: { id: string }) => p.id)).toEqual([ids.second, ids.first]);
    expect(home.headers['cache-control']).toBe('no-cache');
  });

  it('never shows drafts, approved-not-sent, scheduled-for-later, archived or not-yet-shared posts', async () => {
    for (const key of ['draft', 'approvedOnly', 'later', 'archived', 'shareOnly']) {
      const res = await get(`/api/public/wards/${a.slug}/posts/${ids[key]}`);
      expect(res.statusCode, key).toBe(404);
      expect(res.json().message).toMatch(/Không tìm thấy bài này trong tin đã gửi của Phường Một/);
      const page = await get(`/w/${a.slug}/posts/${ids[key]}`);
      expect(page.statusCode, key).toBe(404);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain('Bài này không có, chưa được gửi hoặc đã được gỡ.');
    }
  });

  it('a post a team shared by hand appears once the share is confirmed', async () => {
    const member = teamMemberHeader(t.app, a);
    const done = await t.app.inject({
      method: 'POST',
      url: `/api/deliveries/${sharedDeliveryId}/shared`,
      headers: member,
    });
    expect(done.statusCode, done.body).toBe(200);
    const body = await listed(a.slug);
    expect(body.posts.map((p) => p.id)).toContain(ids.shareOnly);
    expect((await get(`/api/public/wards/${a.slug}/posts/${ids.shareOnly}`)).statusCode).toBe(200);
  });

  it("never shows another ward's posts, by list, by id, on the web page or in the feed", async () => {
    expect((await listed(a.slug)).posts.map((p) => p.id)).not.toContain(ids.other);
    expect((await listed(b.slug)).posts.map((p) => p.id)).toEqual([ids.other]);
    expect((await get(`/api/public/wards/${a.slug}/posts/${ids.other}`)).statusCode).toBe(404);
    expect((await get(`/api/public/wards/${b.slug}/posts/${ids.first}`)).statusCode).toBe(404);
    expect((await get(`/w/${a.slug}/posts/${ids.other}`)).statusCode).toBe(404);
    expect((await get(`/w/${a.slug}/posts/${ids.second}/image`)).statusCode).toBe(200);
    expect((await get(`/w/${b.slug}/posts/${ids.second}/image`)).statusCode).toBe(404);
    expect((await get(`/w/${a.slug}`)).body).not.toContain('Bài riêng của Phường Hai');
    expect((await get(`/w/${a.slug}/feed.atom`)).body).not.toContain(ids.other);
  });

  it('the ward page lists the sent posts with images, escaped, cacheable, under the CSP', async () => {
    const res = await get(`/w/${a.slug}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    const html = res.body;
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Phường Một');
    // Newest first; the image of the second post; the feed announced.
    expect(html.indexOf('Cảnh giác')).toBeLessThan(html.indexOf('Mời bà con dự Ngày hội'));
    expect(html).toContain(`src="/w/${a.slug}/posts/${ids.second}/image?v=`);
    expect(html).toContain(`href="/w/${a.slug}/feed.atom"`);
    // What staff typed is text, never markup; no script or inline style anywhere.
    expect(html).toContain('&lt;script&gt;alert(&quot;lừa đảo&quot;)&lt;/script&gt; &amp; tin giả');
    expect(html).not.toMatch(/<script|style=/);
    for (const key of ['draft', 'approvedOnly', 'later', 'archived']) expect(html).not.toContain(ids[key]);

    // A portal polling the page gets 304 when nothing was sent since.
    const again = await get(`/w/${a.slug}`, { 'if-modified-since': res.headers['last-modified'] as string });
    expect(again.statusCode).toBe(304);

    const post = await get(`/w/${a.slug}/posts/${ids.second}`);
    expect(post.statusCode).toBe(200);
    expect(post.body).toContain(
      '<h1>Cảnh giác &lt;script&gt;alert(&quot;lừa đảo&quot;)&lt;/script&gt; &amp; tin giả</h1>',
    );
    expect(post.body).toContain(`<meta property="og:image" content="http://localhost:`);
    expect(post.body).toContain(`?ward=${a.slug}&amp;post=${ids.second}`);

    const css = await get('/w/site.css');
    expect(css.headers['content-type']).toContain('text/css');
  });

  it("serves the post's image as the JPEG the groups received, without its metadata", async () => {
    const { imageUrl } = (await listed(a.slug)).posts.find((p) => p.id === ids.second)!;
    const res = await get(imageUrl!);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    const bytes = res.rawPayload;
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(bytes.includes(Buffer.from('Exif\0\0'))).toBe(false);
    const original = readFileSync(join(PHOTOS, 'phone-nokia-8.3.jpg'));
    expect(bytes.length).toBeLessThan(original.length);
  });

  it('the Atom feed parses as XML 1.0 and holds the sent posts with ids, dates, links, content and images', async () => {
    const res = await get(`/w/${a.slug}/feed.atom`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const problems: string[] = [];
    const doc = new DOMParser({
      errorHandler: {
        warning: () => {},
        error: (m) => problems.push(m),
        fatalError: (m) => problems.push(m),
      },
    }).parseFromString(res.body, 'application/xml');
    expect(problems).toEqual([]);
    const feed = doc.documentElement!;
    expect(feed.namespaceURI).toBe(ATOM);
    expect(feed.localName).toBe('feed');
    const child = (el: Element, name: string) => el.getElementsByTagNameNS(ATOM, name)[0];
    expect(child(feed, 'id')?.textContent).toBe(`urn:uuid:${a.wardId}`);
    expect(child(feed, 'title')?.textContent).toBe('Phường Một: tin đã gửi');
    expect(Number.isNaN(Date.parse(child(feed, 'updated')?.textContent ?? ''))).toBe(false);

    const entries = Array.from(feed.getElementsByTagNameNS(ATOM, 'entry'));
    const entryIds = entries.map((e) => child(e, 'id')?.textContent);
    // The three sent (one shared by hand), newest first send first.
    expect([...entryIds].sort()).toEqual(
      [ids.second, ids.shareOnly, ids.first].map((id) => `urn:uuid:${id}`).sort(),
    );
    expect(entryIds.indexOf(`urn:uuid:${ids.second}`)).toBeLessThan(
      entryIds.indexOf(`urn:uuid:${ids.first}`),
    );
    const published = entries.map((e) => Date.parse(child(e, 'published')?.textContent ?? ''));
    expect(published).toEqual([...published].sort((x, y) => y - x));
    const second = entries[0]!;
    expect(child(second, 'title')?.textContent).toBe('Cảnh giác <script>alert("lừa đảo")</script> & tin giả');
    expect(child(second, 'published')?.textContent).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(child(second, 'updated')?.textContent).toMatch(/^\d{4}-\d\d-\d\dT/);
    const links = Array.from(second.getElementsByTagNameNS(ATOM, 'link')).map((l) => ({
      rel: l.getAttribute('rel'),
      href: l.getAttribute('href'),
    }));
    expect(links).toContainEqual({
      rel: 'alternate',
      href: expect.stringMatching(new RegExp(`^http://localhost:\\d+/w/${a.slug}/posts/${ids.second}$`)),
    });
    expect(links).toContainEqual({
      rel: 'enclosure',
      href: expect.stringContaining(`/posts/${ids.second}/image?v=`),
    });
    // The content is HTML as text: the reader sees the escaped markup as words, and the image.
    const content = child(second, 'content')!;
    expect(content.getAttribute('type')).toBe('html');
    expect(content.textContent).toContain(
      '<p>Cảnh giác &lt;script&gt;alert(&quot;lừa đảo&quot;)&lt;/script&gt; &amp; tin giả<br>Gọi 113 khi cần.</p>',
    );
    expect(content.textContent).toMatch(
      /<img src="http:\/\/localhost:\d+\/w\/.+\/image\?v=[0-9a-f]+" alt="">/,
    );
  });

  it("a member reporting an article task gets their own ward's sent posts with their web address", async () => {
    expect((await get('/api/sent-posts')).statusCode).toBe(401);
    const mine = await get('/api/sent-posts', teamMemberHeader(t.app, a));
    expect(mine.statusCode).toBe(200);
    const body = mine.json();
    expect(body.ward.slug).toBe(a.slug);
    expect(body.publicUrl).toMatch(/^http:\/\/localhost:\d+$/);
    expect(body.posts.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining([ids.first, ids.second]),
    );
    expect(body.posts.map((p: { id: string }) => p.id)).not.toContain(ids.other);
    // The address it gives is the post's public page.
    const first = body.posts.find((p: { id: string }) => p.id === ids.first);
    expect((await get(new URL(body.publicUrl + first.pageUrl).pathname)).statusCode).toBe(200);
    const theirs = await get('/api/sent-posts', headers(b, 'staff'));
    expect(theirs.json().posts.map((p: { id: string }) => p.id)).toEqual([ids.other]);
  });

  it('an unknown ward is a 404 in Vietnamese on every public address; a malformed one is a 400 on the API', async () => {
    for (const url of [
      '/w/khong-co',
      '/w/khong-co/feed.atom',
      `/w/khong-co/posts/${ids.first}`,
      '/w/KHÔNG',
    ]) {
      const res = await get(encodeURI(url));
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('Không có phường/xã nào ở địa chỉ này');
    }
    const api = await get('/api/public/wards/khong-co/posts');
    expect(api.statusCode).toBe(404);
    expect(api.json().code).toBe('WARD_NOT_FOUND');
    const bad = await get('/api/public/wards/KH%C3%94NG/posts');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/“Mã phường” sai định dạng/);
    const badId = await get(`/api/public/wards/${a.slug}/posts/khong-phai-ma`);
    expect(badId.statusCode).toBe(400);
    expect((await get(`/w/${a.slug}/posts/khong-phai-ma`)).statusCode).toBe(404);
  });
});
