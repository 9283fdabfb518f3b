/** The audit log's statements. */
import type { Queryable } from '../plugins/db.js';
import type { AuditAction } from './actions.js';

export interface AuditEntry {
  wardId: string;
  /** undefined for the server's own jobs. */
  actorMemberId: string | undefined;
  /** The operation name, e.g. "campaigns.approve"; only names with Vietnamese words (actions.ts). */
  action: AuditAction;
  entity: string;
  entityId: string | undefined;
  before?: unknown;
  after?: unknown;
}

/** An action as an SQL literal, for a CTE that writes audit_log itself (typed, so it has its words). */
export const auditActionLiteral = (action: AuditAction): string => `'${action}'`;

/** Column list for an INSERT … SELECT into audit_log from a CTE. */
export const AUDIT_INSERT_COLUMNS =
  'audit_log (ward_id, actor_member_id, action, entity, entity_id, before, after)';

export async function insertAudit(db: Queryable, entries: AuditEntry[]): Promise<void> {
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
