/**
 * Messages to people (urges, reminders, escalations) are first recorded as `notifications` rows, one
 * per member and dedupe key, inside the caller's transaction; a sender (the broadcast feature) picks
 * queued rows up and delivers them. Features depend on this interface only, so the sender can change.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Queryable } from '../plugins/db.js';

export type NotificationKind = 'reminder' | 'urge' | 'escalation' | 'review_result' | 'share_task';

export interface NotificationRequest {
  kind: NotificationKind;
  memberId: string;
  assignmentId?: string;
  /** The same key twice (a double tap, a tick that runs twice) records one row. */
  dedupeKey: string;
  body: string;
  requestedBy?: string;
}

export interface Notifier {
  /** Records the notifications as queued; answers how many were new (not deduplicated away). */
  enqueue(db: Queryable, wardId: string, requests: NotificationRequest[]): Promise<number>;
}

declare module 'fastify' {
  interface FastifyInstance {
    notifier: Notifier;
  }
}

/** Records rows in status `queued`; delivering them is the broadcast feature's job. */
export const queueingNotifier: Notifier = {
  async enqueue(db, wardId, requests) {
    if (requests.length === 0) return 0;
    const { rowCount } = await db.query(
      `INSERT INTO notifications (ward_id, kind, member_id, assignment_id, dedupe_key, body, requested_by)
       SELECT $1, kind, member_id, assignment_id, dedupe_key, body, requested_by
         FROM unnest($2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::uuid[])
              AS r(kind, member_id, assignment_id, dedupe_key, body, requested_by)
       ON CONFLICT (ward_id, dedupe_key) DO NOTHING`,
      [
        wardId,
        requests.map((r) => r.kind),
        requests.map((r) => r.memberId),
        requests.map((r) => r.assignmentId ?? null),
        requests.map((r) => r.dedupeKey),
        requests.map((r) => r.body),
        requests.map((r) => r.requestedBy ?? null),
      ],
    );
    return rowCount ?? 0;
  },
};

/** Decorates `app.notifier`; a later feature may register its own implementation instead. */
export default fp(
  async function notifierPlugin(app: FastifyInstance, options: { notifier?: Notifier }) {
    app.decorate('notifier', options.notifier ?? queueingNotifier);
  },
  { name: 'notifier' },
);
