/**
 * The mini app's page as the server sends it: Trang chủ's data inside it (exactly the public API's
 * answer, for the ward the link names), under the same strict CSP, and the built files compressed and
 * cached the way a slow phone link needs. Uses the real build (mini-app/dist, made by `npm ci`).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/src/config.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

const BLOCK = /<script type="application\/json" id="loa-first-screen">([^<]*)<\/script>/;

describe('the mini app page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ seed: true, env: { SERVE_MINI_APP: 'true' } });
  });
  afterAll(() => t?.close());

  const firstScreen = (html: string) => {
    const match = BLOCK.exec(html);
    return match ? JSON.parse(match[1]!) : undefined;
  };

  it('carries Trang chủ’s answer, the same as the API’s, so the first paint asks nothing', async () => {
    const page = await t.app.inject({ url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['cache-control']).toBe('no-cache');
    const api = await t.app.inject({ url: '/api/public/campaign' });
    expect(firstScreen(page.body)).toEqual({ ward: null, reply: api.json() });
    expect(api.json().ward.name).toBe('Phường Dầu Giây');
    // The page's script is still only our own file: the block is data, never run.
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('answers for the ward the link names, and without data for a ward that does not exist', async () => {
    const slug = (await t.app.inject({ url: '/api/public/campaign' })).json().ward.slug as string;
    const named = await t.app.inject({ url: `/?ward=${slug}&post=x` });
    expect(firstScreen(named.body)?.ward).toBe(slug);
    const unknown = await t.app.inject({ url: '/?ward=khong-co-phuong-nay' });
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body).toContain('<div id="app">');
    expect(firstScreen(unknown.body)).toBeUndefined();
  });

  it('keeps text that looks like markup inside the data block', async () => {
    await t.app.db.pool.query(`UPDATE wards SET name = 'Phường </script><script>alert(1)</script>'`);
    const page = await t.app.inject({ url: '/' });
    expect(page.body).not.toContain('<script>alert(1)');
    expect(firstScreen(page.body).reply.ward.name).toBe('Phường </script><script>alert(1)</script>');
  });

  it('sends the page and the built files compressed; hashed files are kept, the page and worker never', async () => {
    const page = await t.app.inject({ url: '/', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(page.headers['content-encoding']).toBe('br');
    const main = readdirSync(join(REPO_ROOT, 'mini-app', 'dist', 'assets')).find((file) =>
      /^index\..+\.module\.js$/.test(file),
    );
    const script = await t.app.inject({
      url: `/assets/${main}`,
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-encoding']).toBe('br');
    expect(script.headers['cache-control']).toContain('immutable');
    const gzipOnly = await t.app.inject({ url: `/assets/${main}`, headers: { 'accept-encoding': 'gzip' } });
    expect(gzipOnly.headers['content-encoding']).toBe('gzip');
    const worker = await t.app.inject({ url: '/sw.js' });
    expect(worker.statusCode).toBe(200);
    expect(worker.headers['cache-control']).toBe('no-cache');
    // The worker keeps the bare page, never one ward's data.
    const bare = await t.app.inject({ url: '/index.html' });
    expect(bare.statusCode).toBe(200);
    expect(firstScreen(bare.body)).toBeUndefined();
  });
});
