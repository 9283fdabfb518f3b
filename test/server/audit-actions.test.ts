/**
 * Nhật ký reads every action in Vietnamese. `recordAudit` only takes names of the catalogue
 * (server/src/audit/actions.ts), so TypeScript refuses an unlabelled one; this file checks the
 * catalogue itself and the names TypeScript cannot see: those written into SQL or passed through
 * helpers, found by reading server/src.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, auditActionText } from '../../server/src/audit/actions.js';
import { REPO_ROOT } from '../../server/src/config.js';
import { OPERATIONS } from '../../server/src/http/operations.js';

const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]/;
const NAME = `[a-z_]+\\.[a-zA-Z_]+`;

function sources(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'simulator' ? [] : sources(path);
    return /\.ts$/.test(entry.name) && !entry.name.endsWith('.test.ts')
      ? [{ path: relative(REPO_ROOT, path), text: readFileSync(path, 'utf8') }]
      : [];
  });
}

describe('the audit actions catalogue', () => {
  const files = sources(join(REPO_ROOT, 'server/src'));

  it('gives every action short Vietnamese words and keeps it an operation name', () => {
    const operations = new Set(Object.keys(OPERATIONS));
    for (const [action, words] of Object.entries(AUDIT_ACTIONS)) {
      expect(operations.has(action), `${action} is not in http/operations.ts`).toBe(true);
      expect(words, action).toMatch(VIETNAMESE);
      expect(words, `${action} follows a person's name, so it starts in lower case`).toMatch(/^[a-zà-ỹđ]/);
      expect(words.length, action).toBeLessThanOrEqual(60);
    }
    // Rows written under the names the log used before still read in Vietnamese.
    expect(auditActionText('auth.sign_out')).toBe('đăng xuất');
    expect(auditActionText('members.invite_used')).toBe(AUDIT_ACTIONS['auth.invite']);
    expect(auditActionText('không.có')).toMatch(/không còn trong danh mục/);
  });

  it('has words for every action server/src records, in code or in SQL', () => {
    const recorded = new Map<string, string>();
    const note = (name: string, path: string) => recorded.set(name, path);
    for (const { path, text } of files) {
      // `action: 'x.y'`, and both sides of `action: cond ? 'x.y' : 'x.z'`.
      for (const line of text.split('\n').filter((l) => /\baction:/.test(l)))
        for (const m of line.matchAll(new RegExp(`'(${NAME})'`, 'g'))) note(m[1]!, path);
      // Helpers that take the action first, e.g. wards/service.ts `audit(db, session, 'places.create', …)`.
      for (const m of text.matchAll(new RegExp(`\\baudit\\(db, session, '(${NAME})'`, 'g')))
        note(m[1]!, path);
      for (const m of text.matchAll(new RegExp(`auditActionLiteral\\('(${NAME})'\\)`, 'g')))
        note(m[1]!, path);
    }
    expect(recorded.size).toBeGreaterThan(35);
    const unlabelled = [...recorded].filter(([name]) => !Object.hasOwn(AUDIT_ACTIONS, name));
    expect(unlabelled).toEqual([]);
  });

  it('writes no action into SQL by hand (a CTE takes auditActionLiteral, which is typed)', () => {
    const raw: string[] = [];
    let statements = 0;
    for (const { path, text } of files) {
      // From the INSERT to the end of the statement's template literal.
      for (const m of text.matchAll(/INSERT INTO \$\{AUDIT_INSERT_COLUMNS\}[^`]*/g)) {
        statements += 1;
        const statement = m[0].replace(/auditActionLiteral\('[^']*'\)/g, '');
        if (new RegExp(`'${NAME}'`).test(statement)) raw.push(`${path}: ${statement.slice(0, 160)}`);
      }
    }
    expect(statements).toBeGreaterThanOrEqual(3);
    expect(raw).toEqual([]);
  });
});
