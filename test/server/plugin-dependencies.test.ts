/**
 * Plugins say what they need through fastify-plugin's `dependencies`, so a missing one stops the app at
 * start with the plugin's name. A `hasDecorator` guard instead turns the same mistake into a feature that
 * quietly does nothing (the session re-check skipped, so a locked member kept access).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import authPlugin from '../../server/src/plugins/auth.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('plugin dependencies', () => {
  it('has no hasDecorator guard in the server', () => {
    const guarded = sourceFiles('server/src').filter((file) =>
      /\.hasDecorator\(/.test(readFileSync(file, 'utf8')),
    );
    expect(guarded).toEqual([]);
  });

  it('refuses to start the session plugin without the database it re-checks sessions against', async () => {
    const app = Fastify();
    await expect(app.register(authPlugin, { secret: 'x'.repeat(32), ttlMinutes: 60 })).rejects.toThrow(/db/);
    await app.close();
  });
});
