/**
 * Messages to people (urges, reminders, escalations, share tasks, review results) are first recorded as
 * `notifications` rows, one per member and dedupe key, inside the caller's transaction; the sender
 * (sender.ts) picks queued rows up and delivers them. Other features queue through `app.notifier` (or
 * `queueingNotifier`) only, never by writing the table.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Queryable } from '../plugins/db.js';
import { insertNotifications, insertTeamNotifications, type TeamNotificationRow } from './sql.js';

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

/** A message to every active member of a team, one row each (the row's fields, with a known kind). */
export type TeamNotificationRequest = TeamNotificationRow & { kind: NotificationKind };

export interface Notifier {
  /** Records the notifications as queued; answers how many were new (not deduplicated away). */
  enqueue(db: Queryable, wardId: string, requests: NotificationRequest[]): Promise<number>;
  /** The same, for every active member of each team; due at `at` (a job's clock) or now. */
  enqueueForTeams(db: Queryable, requests: TeamNotificationRequest[], at?: Date): Promise<number>;
}

declare module 'fastify' {
  interface FastifyInstance {
    notifier: Notifier;
  }
}

/** Records rows in status `queued`; the sender (sender.ts) delivers them. */
export const queueingNotifier: Notifier = {
  enqueue: (db, wardId, requests) =>
    requests.length === 0 ? Promise.resolve(0) : insertNotifications(db, wardId, requests),
  enqueueForTeams: (db, requests, at) =>
    requests.length === 0 ? Promise.resolve(0) : insertTeamNotifications(db, requests, at),
};

/** Decorates `app.notifier`, the queue every feature records its messages to people in. */
export default fp(
  async function notifierPlugin(app: FastifyInstance, options: { notifier?: Notifier }) {
    app.decorate('notifier', options.notifier ?? queueingNotifier);
  },
  { name: 'notifier' },
);
