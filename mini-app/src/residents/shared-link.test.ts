import { afterEach, describe, expect, it } from 'vitest';
import { forgetPostInLocation, postFromLocation } from './shared-link';

const id = '9d3f6c1e-2b4a-4c8e-9f1a-7e5d3c2b1a09';

afterEach(() => window.history.replaceState(null, '', '/'));

describe('shared post links', () => {
  it('reads the post a "Xem chi tiết" link names, and ignores anything that is not a post id', () => {
    expect(postFromLocation(`?ward=dau-giay&post=${id}`)).toBe(id);
    expect(postFromLocation('?ward=dau-giay')).toBeUndefined();
    expect(postFromLocation('?post=../../api/auth')).toBeUndefined();
  });

  it('forgets the post once opened, keeping the ward and the screen', () => {
    window.history.replaceState(null, '', `/?ward=dau-giay&post=${id}#/tin/${id}`);
    forgetPostInLocation();
    expect(window.location.search).toBe('?ward=dau-giay');
    expect(window.location.hash).toBe(`#/tin/${id}`);
  });
});
