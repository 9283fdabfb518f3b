import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalDiskStorage, photoKeys } from './storage.js';

describe('LocalDiskStorage', () => {
  let root: string;
  let storage: LocalDiskStorage;
  const keys = photoKeys('0d8a4a36-5f3c-4b1e-9a57-1f2b3c4d5e6f', 'ab'.repeat(32), 'jpg');

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'loa-storage-'));
    storage = new LocalDiskStorage(root);
    await storage.init();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stores each file under its key, whole, and leaves no temp file', async () => {
    const original = Buffer.alloc(3 * 1024 * 1024, 7); // larger than one 512 KiB write
    await storage.putBuffer(keys.thumb, Buffer.from('thumb'));
    await storage.putBuffer(keys.original, original);
    expect((await storage.get(keys.thumb)).toString()).toBe('thumb');
    expect((await storage.get(keys.original)).equals(original)).toBe(true);
    expect(readdirSync(storage.tmpDir)).toEqual([]);
  });

  it("makes a photo's folder again when it was removed behind the server's back", async () => {
    await storage.putBuffer(keys.thumb, Buffer.from('first'));
    rmSync(join(root, keys.thumb, '..'), { recursive: true });
    await storage.putBuffer(keys.original, Buffer.from('again'));
    expect((await storage.get(keys.original)).toString()).toBe('again');
    expect(await storage.getIfExists(keys.thumb)).toBeUndefined();
    expect(readdirSync(storage.tmpDir)).toEqual([]);
  });

  it('refuses a key that would leave its folder', async () => {
    await expect(storage.putBuffer('../outside.jpg', Buffer.from('x'))).rejects.toThrow(/invalid photo key/);
    expect(readdirSync(storage.tmpDir)).toEqual([]);
  });
});
