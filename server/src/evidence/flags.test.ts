import { describe, expect, it } from 'vitest';
import { computeFlags, distanceM, type FlagContext } from './flags.js';
import { hammingDistance } from './phash.js';
import { sniff } from './pipeline.js';

const base: FlagContext = {
  location: { lat: 10.9419, lng: 107.1408 },
  takenAt: new Date('2026-05-19T01:00:00Z'),
  place: undefined,
  ward: { lat: 10.9419, lng: 107.1408, radiusM: 6000 },
  window: { startsOn: '2026-05-18', endsOn: '2026-05-24', slackDaysBefore: 0 },
  nearDuplicate: undefined,
};

describe('computeFlags', () => {
  it('raises nothing for a photo taken in the ward during the campaign', () => {
    expect(computeFlags(base)).toEqual({});
  });

  it('checks the task place instead of the ward when the task has one', () => {
    const place = { lat: 10.9419, lng: 107.1408, radiusM: 150 };
    const at400m = { lat: 10.9455, lng: 107.1408 };
    const flags = computeFlags({ ...base, place, location: at400m });
    expect(flags.outside_place?.radiusM).toBe(150);
    expect(flags.outside_place?.distanceM).toBeGreaterThan(390);
    expect(flags.outside_ward).toBeUndefined();
    expect(computeFlags({ ...base, location: at400m })).toEqual({});
  });

  it('flags a missing location and a missing time', () => {
    expect(computeFlags({ ...base, location: undefined, takenAt: undefined })).toEqual({
      location_missing: {},
      taken_at_missing: {},
    });
  });

  it('uses the ward days at +07:00 with a day of slack before for banners', () => {
    const eveBefore = new Date('2026-05-17T10:00:00Z'); // 17:00 on 17/05 in Vietnam
    expect(computeFlags({ ...base, takenAt: eveBefore }).outside_window).toBeDefined();
    expect(
      computeFlags({ ...base, takenAt: eveBefore, window: { ...base.window, slackDaysBefore: 1 } })
        .outside_window,
    ).toBeUndefined();
    expect(
      computeFlags({ ...base, takenAt: new Date('2026-05-24T16:59:59Z') }).outside_window,
    ).toBeUndefined();
    expect(computeFlags({ ...base, takenAt: new Date('2026-05-24T17:00:00Z') }).outside_window).toBeDefined();
  });

  it('measures distances on the globe', () => {
    // Dầu Giây to Ho Chi Minh City hall is about 60 km.
    expect(distanceM({ lat: 10.9419, lng: 107.1408 }, { lat: 10.7763, lng: 106.7009 }) / 1000).toBeCloseTo(
      51,
      0,
    );
  });
});

describe('hashing and sniffing', () => {
  it('counts differing bits', () => {
    expect(hammingDistance('ffffffffffffffff', '0000000000000000')).toBe(64);
    expect(hammingDistance('00000000000000f1', '0000000000000000')).toBe(5);
  });

  it('trusts bytes, not names', () => {
    expect(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe1]))).toBe('image/jpeg');
    expect(sniff(Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1'))).toBe('image/webp');
    // iPhone HEIC and Android HEIF: decoded by the WebAssembly decoder (heif.ts).
    expect(sniff(Buffer.from('\0\0\0\x18ftypheic', 'latin1'))).toBe('image/heic');
    expect(sniff(Buffer.from('\0\0\0\x18ftypmif1', 'latin1'))).toBe('image/heic');
    expect(() => sniff(Buffer.from('\0\0\0\x18ftypisom', 'latin1'))).toThrow(/không phải ảnh/);
    expect(() => sniff(Buffer.from('<html>'))).toThrow(/không phải ảnh/);
  });
});
