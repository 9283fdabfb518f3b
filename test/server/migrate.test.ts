import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, migrate } from '../../server/src/db/migrate.js';
import { createTestDatabase } from '../helpers/database.js';

describe('migration runner', () => {
  it('applying twice is a no-op', async () => {
    const url = await createTestDatabase(); // cloned from the migrated template
    expect(await migrate(url)).toEqual({ applied: [] });
    expect(await migrate(url)).toEqual({ applied: [] });
  });

  it('refuses an applied migration that was edited, naming the file', async () => {
    const url = await createTestDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    writeFileSync(join(dir, '0001_create_domain.sql'), '-- edited after it was applied\nSELECT 1;');
    await expect(migrate(url, dir)).rejects.toThrow(
      /0001_create_domain\.sql đã được áp dụng nhưng sau đó bị sửa/,
    );
  });

  it('applies a new migration once, in a transaction, and rolls back a failing one', async () => {
    const url = await createTestDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    writeFileSync(join(dir, '9001_create_probe.sql'), 'CREATE TABLE probe (id int);');
    expect(await migrate(url, dir)).toEqual({ applied: ['9001_create_probe.sql'] });
    writeFileSync(
      join(dir, '9002_break_things.sql'),
      'CREATE TABLE half_done (id int); SELECT no_such_function();',
    );
    await expect(migrate(url, dir)).rejects.toThrow(/9002_break_things\.sql lỗi/);
    // The failed file left nothing behind, so fixing it and running again works.
    writeFileSync(join(dir, '9002_break_things.sql'), 'CREATE TABLE half_done (id int);');
    expect(await migrate(url, dir)).toEqual({ applied: ['9002_break_things.sql'] });
  });

  it('runs once when several instances migrate at the same time', async () => {
    const url = await createTestDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    writeFileSync(join(dir, '9001_create_probe.sql'), 'CREATE TABLE probe (id int);');
    const results = await Promise.all([migrate(url, dir), migrate(url, dir), migrate(url, dir)]);
    expect(results.flatMap((r) => r.applied)).toEqual(['9001_create_probe.sql']);
  });
});
