/**
 * Every answer carries the security headers a browser acts on (helmet's set with our content security
 * policy): JSON answers, error answers and unknown paths alike; the /docs pages keep their own policy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';

const API_HEADERS = {
  'content-security-policy':
    "default-src 'self';base-uri 'self';font-src 'self';form-action 'self';frame-ancestors 'self';img-src 'self' blob:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self';upgrade-insecure-requests;connect-src 'self'",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('are on JSON answers, refusals and unknown paths', async () => {
    for (const [url, status] of [
      ['/health', 200],
      ['/api/me', 401],
      ['/khong-co', 404],
    ] as const) {
      const response = await t.app.inject({ url });
      expect(response.statusCode, url).toBe(status);
      expect(response.headers, url).toMatchObject(API_HEADERS);
      expect(response.headers['x-powered-by'], url).toBeUndefined();
    }
  });

  it('the API documentation page keeps its own policy (inline styles, data: images)', async () => {
    const response = await t.app.inject({ url: '/docs' });
    expect(response.statusCode).toBe(200);
    const policy = response.headers['content-security-policy'];
    expect(policy).toContain("style-src 'self' 'unsafe-inline';");
    expect(policy).toContain("img-src 'self' data:;");
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});
