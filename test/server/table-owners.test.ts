/**
 * One owner per table: each table is written (INSERT, UPDATE, DELETE) from exactly one folder of
 * server/src; every other folder goes through that folder's service. This reads the SQL in the
 * server's source and fails naming the file that writes a table it does not own.
 *
 * Adding a table (a new migration)? Add one line below: `table: 'folder'`, the feature folder under
 * server/src that writes it. A new feature folder owns the tables of its own migration; to change
 * another folder's table, call that folder's service instead of writing SQL.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const OWNERS: Record<string, string> = {
  wards: 'wards',
  units: 'wards',
  members: 'wards',
  zalo_groups: 'wards',
  places: 'wards',
  member_invites: 'wards',
  campaigns: 'campaigns',
  tasks: 'tasks',
  assignments: 'tasks',
  evidence: 'evidence',
  photo_files: 'evidence',
  posts: 'posts',
  schedules: 'posts',
  occurrences: 'broadcasts',
  deliveries: 'broadcasts',
  oa_request_seconds: 'broadcasts',
  notifications: 'notifications',
  reminder_rules: 'notifications',
  webhook_events: 'zalo',
  oa_tokens: 'zalo',
  audit_log: 'audit',
  conversations: 'conversations',
  conversation_messages: 'conversations',
  job_runs: 'plugins', // the scheduler's claims
  schema_migrations: 'db', // the migration runner
  post_images: 'posts',
  loudspeaker_slots: 'posts',
  oa_image_attachments: 'broadcasts',
  loudspeaker_plays: 'broadcasts',
  revoked_sessions: 'auth', // signed-out session tokens
};

/**
 * SQL fragments an owner exports for others to embed in a statement of their own (one round trip on a
 * hot path, e.g. the acknowledgement's audit row): a write through one is the owner's write.
 */
const OWNER_FRAGMENTS: Record<string, string> = {
  AUDIT_INSERT_COLUMNS: 'audit',
};

/**
 * Shared statements that take the table as an argument (the lease heartbeat of every leased send
 * queue, broadcasts/leases-sql.ts): the write is the caller's, on the table it names.
 */
const TABLE_ARGUMENT_WRITES = /\bextendLeases\(\s*\w+,\s*'([a-z_]+)'/g;

/**
 * Backup's restore loads every table's rows back as they were, by design: it is not a feature. (The
 * demo seed is not exempt: it writes through the features' services.)
 */
const NOT_FEATURES = new Set(['backup']);

const SERVER_SRC = join(import.meta.dirname, '../../server/src');
const MIGRATIONS = join(import.meta.dirname, '../../migrations');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The tables a piece of source writes: INSERT INTO t, UPDATE t (not FOR/DO UPDATE), DELETE FROM t. */
function writtenTables(source: string): string[] {
  const tables = new Set<string>();
  const pattern =
    /(?<!FOR |DO |NO KEY )\b(INSERT INTO|UPDATE|DELETE FROM)\s+(\$\{[A-Z_]+\}|[a-z_][a-z0-9_]*)/g;
  for (const match of source.matchAll(pattern)) {
    const target = match[2]!;
    const table = OWNER_FRAGMENTS[target] ?? (target.startsWith('${') ? undefined : target);
    if (table) tables.add(table);
  }
  for (const match of source.matchAll(TABLE_ARGUMENT_WRITES)) tables.add(match[1]!);
  return [...tables];
}

describe('one owner per table', () => {
  const files = sourceFiles(SERVER_SRC).map((path) => ({
    path: relative(SERVER_SRC, path),
    folder: relative(SERVER_SRC, path).split(sep)[0]!,
    tables: writtenTables(readFileSync(path, 'utf8')),
  }));

  it('reads the SQL of the server: writes are found, locks and upserts are not writes', () => {
    expect(
      writtenTables('UPDATE posts SET a = 1 WHERE id IN (SELECT id FROM x FOR UPDATE SKIP LOCKED)'),
    ).toEqual(['posts']);
    expect(writtenTables('INSERT INTO t (a) VALUES (1) ON CONFLICT (a) DO UPDATE SET a = 2')).toEqual(['t']);
    expect(writtenTables("extendLeases(client, 'notifications', ids, owner, until)")).toEqual([
      'notifications',
    ]);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal, as the test reads it
    expect(writtenTables('INSERT INTO ${AUDIT_INSERT_COLUMNS} SELECT 1')).toEqual([]);
    const found = new Set(files.flatMap((file) => file.tables));
    for (const table of ['notifications', 'assignments', 'deliveries', 'posts'])
      expect(found).toContain(table);
  });

  it('takes fragments only from their owner', () => {
    for (const [fragment, owner] of Object.entries(OWNER_FRAGMENTS)) {
      const defined = files.filter((file) =>
        new RegExp(`export const ${fragment}\\b`).test(readFileSync(join(SERVER_SRC, file.path), 'utf8')),
      );
      expect(defined.map((file) => file.folder)).toEqual([owner]);
    }
  });

  it('has an owner for every table written', () => {
    const unowned = files.flatMap((file) =>
      file.tables.filter((table) => !(table in OWNERS)).map((table) => `${file.path} writes ${table}`),
    );
    expect(unowned).toEqual([]);
  });

  it('has an owner line for every table the migrations create', () => {
    const created = readdirSync(MIGRATIONS)
      .filter((name) => name.endsWith('.sql'))
      .flatMap((name) => [
        ...readFileSync(join(MIGRATIONS, name), 'utf8').matchAll(
          /CREATE TABLE (?:IF NOT EXISTS )?([a-z_][a-z0-9_]*)/gi,
        ),
      ])
      .map((match) => match[1]!.toLowerCase());
    expect(created.length).toBeGreaterThan(0);
    expect(created.filter((table) => !(table in OWNERS))).toEqual([]);
  });

  it('lets only the owner folder write each table', () => {
    const trespass = files
      .filter((file) => !NOT_FEATURES.has(file.folder))
      .flatMap((file) =>
        file.tables
          .filter((table) => OWNERS[table] !== undefined && OWNERS[table] !== file.folder)
          .map((table) => `${file.path} writes ${table}, owned by ${OWNERS[table]}/`),
      );
    expect(trespass).toEqual([]);
  });
});
