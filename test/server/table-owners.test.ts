/**
 * The server's architecture, read from its source:
 * - One owner per table: each table is written (INSERT, UPDATE, DELETE) from exactly one folder of
 *   server/src; every other folder goes through that folder's service. This reads the SQL in the
 *   server's source and fails naming the file that writes a table it does not own.
 * - SQL only in sql files: a SQL statement in the server's source stands in a `sql.ts` or `*-sql.ts`
 *   file (or a migration), so a reader finds a feature's statements in one place; the few exemptions
 *   are listed below with their reason.
 *
 * Adding a table (a new migration)? Add one line below: `table: 'folder'`, the feature folder under
 * server/src that writes it. A new feature folder owns the tables of its own migration; to change
 * another folder's table, call that folder's service instead of writing SQL.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import ts from 'typescript';
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

/**
 * Where SQL may stand outside sql files, and why. Each is the database's own machinery, not a feature's
 * data, and is the one place of what it does:
 * - `db/`: the migration runner (its schema_migrations table, the advisory lock, each migration's text
 *   in a transaction) and the embedded PostgreSQL for development (CREATE DATABASE);
 * - `plugins/db.ts`: the transaction plumbing every feature runs in (BEGIN as the application role with
 *   the ward setting, COMMIT, ROLLBACK, savepoints) and the probe for that role.
 * Everything else, backup included, keeps its statements in its folder's sql files.
 */
const SQL_ANYWHERE = ['db/', 'plugins/db.ts'];

/**
 * The start of a SQL statement: a query, a write, transaction control, a cursor, or DDL (a bare
 * 'SELECT' is pg's name of a result's command, not a statement).
 */
const STATEMENT =
  /^[\s\0]*(?:SELECT\s+\S|INSERT\s+INTO|UPDATE\s+[a-z_.]+(?:\s+[a-z_]+)?\s+SET|DELETE\s+FROM|WITH\s+(?:RECURSIVE\s+)?[a-z_]+(?:\s*\([^)]*\))?\s+AS\s+(?:NOT\s+)?(?:MATERIALIZED\s+)?\(|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE\s+SAVEPOINT|PREPARE|EXECUTE|DEALLOCATE|SET\s+(?:LOCAL|SESSION|ROLE|CONSTRAINTS)|CREATE|ALTER|DROP|TRUNCATE|LOCK\s+TABLE|DECLARE|FETCH|CLOSE|COPY|LISTEN|NOTIFY|UNLISTEN|VACUUM|ANALYZE|REFRESH)\b/;

/** The statements among a source file's string literals (a template's `${…}` parts read as `\0`). */
function sqlStatements(path: string, source: string): { line: number; text: string }[] {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    let text: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node))
      text = node.head.text + node.templateSpans.map((span) => `\0${span.literal.text}`).join('');
    if (text !== undefined && STATEMENT.test(text)) {
      const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
      found.push({ line, text: text.replaceAll('\0', '‹…›').trim().split('\n')[0]!.slice(0, 60) });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('SQL only in sql files', () => {
  const isSqlFile = (path: string) => basename(path) === 'sql.ts' || basename(path).endsWith('-sql.ts');
  const files = sourceFiles(SERVER_SRC).map((path) => ({
    path: relative(SERVER_SRC, path).split(sep).join('/'),
    statements: sqlStatements(path, readFileSync(path, 'utf8')),
  }));

  it('reads statements in string literals, not words in messages or comments', () => {
    const read = (source: string) => sqlStatements('x.ts', source).map((found) => found.text);
    expect(read("db.query('SELECT 1'); // SELECT in a comment")).toEqual(['SELECT 1']);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal, as the test reads it
    expect(read('const s = `${begin} EXECUTE p(1); COMMIT;`;')).toHaveLength(1);
    expect(
      read("q('SAVEPOINT a'); q(`UPDATE members m SET x = 1`); q('WITH t AS (SELECT 1) SELECT * FROM t')"),
    ).toHaveLength(3);
    expect(
      read("throw new AppError('Chọn đơn vị'); const c = `id, kind AS \"k\"`; log('Select a ward')"),
    ).toEqual([]);
    // The detector finds the statements of the sql files, so an empty list below means something.
    const inSqlFiles = files.filter((file) => isSqlFile(file.path)).flatMap((file) => file.statements);
    expect(inSqlFiles.length).toBeGreaterThan(100);
  });

  it('has no statement outside sql files but the listed machinery', () => {
    const outside = files
      .filter((file) => !isSqlFile(file.path) && !SQL_ANYWHERE.some((place) => file.path.startsWith(place)))
      .flatMap((file) => file.statements.map((found) => `${file.path}:${found.line} ${found.text}`));
    expect(outside).toEqual([]);
  });
});
