import { afterEach, describe, expect, it } from 'vitest';
import { createQueryClient } from '../lib/query-client';
import { seedFromPage } from './first-screen';

const reply = { ward: { id: 'w', slug: 'dau-giay', name: 'Phường Dầu Giây' }, campaign: null, posts: [] };

function pageBlock(content: string) {
  const element = document.createElement('script');
  element.type = 'application/json';
  element.id = 'loa-first-screen';
  element.textContent = content;
  document.body.append(element);
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Trang chủ’s data written into the page by the server', () => {
  it('fills the cache for the ward the address names, so the first paint asks nothing', () => {
    pageBlock(JSON.stringify({ ward: null, reply }));
    const client = createQueryClient();
    expect(seedFromPage(client, undefined)).toBe(true);
    expect(client.getQueryData(['public-campaign', null])).toEqual(reply);
    // A signed-in member of that ward asks Trang chủ by its slug: the same answer, no request either.
    expect(client.getQueryData(['public-campaign', 'dau-giay'])).toEqual(reply);
    expect(document.getElementById('loa-first-screen')).toBeNull();
  });

  it('is not used for another ward, nor when it cannot be read', () => {
    pageBlock(JSON.stringify({ ward: 'dau-giay', reply }));
    const client = createQueryClient();
    expect(seedFromPage(client, 'phuong-khac')).toBe(false);
    expect(client.getQueryData(['public-campaign', 'phuong-khac'])).toBeUndefined();
    pageBlock('{not json');
    expect(seedFromPage(client, undefined)).toBe(false);
  });
});
