import { describe, expect, it } from 'vitest';
import { dHashOfPixels, hammingDistance } from './phash.js';

/** A width×height image whose grey level comes from `shade(x, y)`, in `channels` channels. */
function image(width: number, height: number, channels: number, shade: (x: number, y: number) => number) {
  const data = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1)
      data.fill(shade(x, y), (y * width + x) * channels, (y * width + x + 1) * channels);
  return { data, width, height, channels };
}

describe('dHashOfPixels', () => {
  it('sets every bit when the image darkens left to right, and none when it brightens', () => {
    expect(dHashOfPixels(image(320, 240, 3, (x) => 255 - Math.floor((x * 255) / 319)))).toBe(
      'ffffffffffffffff',
    );
    expect(dHashOfPixels(image(320, 240, 3, (x) => Math.floor((x * 255) / 319)))).toBe('0000000000000000');
  });

  it('gives the same hash for the same picture at another size, grey or with alpha', () => {
    const scene = (width: number, height: number) => (x: number, y: number) =>
      Math.floor(128 + 100 * Math.sin((x / width) * 7) * Math.cos((y / height) * 5));
    const colour = dHashOfPixels(image(320, 240, 3, scene(320, 240)));
    expect(hammingDistance(colour, dHashOfPixels(image(160, 120, 3, scene(160, 120))))).toBeLessThanOrEqual(
      2,
    );
    expect(dHashOfPixels(image(320, 240, 1, scene(320, 240)))).toBe(colour);
    expect(dHashOfPixels(image(320, 240, 4, scene(320, 240)))).toBe(colour);
  });

  it('tells different pictures apart', () => {
    const stripes = dHashOfPixels(image(320, 240, 3, (x) => (Math.floor(x / 20) % 2 ? 220 : 30)));
    const rings = dHashOfPixels(
      image(320, 240, 3, (x, y) => (Math.floor(Math.hypot(x - 160, y - 120) / 25) % 2 ? 220 : 30)),
    );
    expect(hammingDistance(stripes, rings)).toBeGreaterThan(12);
  });

  it('hashes images smaller than its 9×8 grid', () => {
    expect(dHashOfPixels(image(1, 1, 3, () => 200))).toMatch(/^[0-9a-f]{16}$/);
    expect(dHashOfPixels(image(4, 3, 3, (x) => 255 - x * 60))).toMatch(/^[0-9a-f]{16}$/);
  });

  it('refuses a buffer shorter than its stated size', () => {
    expect(() => dHashOfPixels({ data: new Uint8Array(10), width: 320, height: 240, channels: 3 })).toThrow();
  });
});
