/**
 * The audit log: who did what to which record, when, with the record before and after. Any feature
 * calls `recordAudit` inside the same transaction as the change, so a rolled-back change leaves no trace.
 * Hot paths that want a single round trip can embed `AUDIT_INSERT_COLUMNS` in a CTE instead.
 */
import type { Queryable } from '../plugins/db.js';

export interface AuditEntry {
  wardId: string;
  /** undefined for the server's own jobs. */
  actorMemberId: string | undefined;
  /** The operation name, e.g. "campaigns.approve". */
  action: string;
  entity: string;
  entityId: string | undefined;
  before?: unknown;
  after?: unknown;
}

/** Column list for an INSERT … SELECT into audit_log from a CTE. */
export const AUDIT_INSERT_COLUMNS =
  'audit_log (ward_id, actor_member_id, action, entity, entity_id, before, after)';

export async function recordAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.query(`INSERT INTO ${AUDIT_INSERT_COLUMNS} VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
    entry.wardId,
    entry.actorMemberId ?? null,
    entry.action,
    entry.entity,
    entry.entityId ?? null,
    entry.before === undefined ? null : JSON.stringify(entry.before),
    entry.after === undefined ? null : JSON.stringify(entry.after),
  ]);
}

/** Several entries in one statement (e.g. one per assignment created by "assign to all teams"). */
export async function recordAuditMany(db: Queryable, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.query(
    `INSERT INTO ${AUDIT_INSERT_COLUMNS}
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::jsonb[])`,
    [
      entries.map((e) => e.wardId),
      entries.map((e) => e.actorMemberId ?? null),
      entries.map((e) => e.action),
      entries.map((e) => e.entity),
      entries.map((e) => e.entityId ?? null),
      entries.map((e) => (e.before === undefined ? null : JSON.stringify(e.before))),
      entries.map((e) => (e.after === undefined ? null : JSON.stringify(e.after))),
    ],
  );
}
