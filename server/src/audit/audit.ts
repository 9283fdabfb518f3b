/**
 * The audit log: who did what to which record, when, with the record before and after. Any feature
 * calls `recordAudit` inside the same transaction as the change, so a rolled-back change leaves no trace.
 * Hot paths that want a single round trip can embed `AUDIT_INSERT_COLUMNS` in a CTE instead.
 */
import type { Queryable } from '../plugins/db.js';
import type { AuditEntry } from './sql.js';
import * as sql from './sql.js';

export type { AuditAction } from './actions.js';
export { AUDIT_INSERT_COLUMNS, auditActionLiteral } from './sql.js';
export type { AuditEntry };

export function recordAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  return sql.insertAudit(db, [entry]);
}

/** What the signed-in person of a session did: the entry's ward and actor are theirs. */
export function recordAuditBy(
  db: Queryable,
  who: { wardId: string; memberId?: string | undefined },
  entry: Omit<AuditEntry, 'wardId' | 'actorMemberId'>,
): Promise<void> {
  return recordAudit(db, { wardId: who.wardId, actorMemberId: who.memberId, ...entry });
}

/** Several entries in one statement (e.g. one per assignment created by "assign to all teams"). */
export function recordAuditMany(db: Queryable, entries: AuditEntry[]): Promise<void> {
  return entries.length === 0 ? Promise.resolve() : sql.insertAudit(db, entries);
}
