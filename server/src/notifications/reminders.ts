/**
 * Reminders and escalations fall due at their rules' slots (reminders-sql.ts says how); a slot is queued
 * once whatever the number of ticks or instances (dedupe keys), and one missed while the server was down
 * is still queued within the catch-up window.
 */
import type { Queryable } from '../plugins/db.js';
import { enqueueEscalations, enqueueReminders, enqueueShareTaskReminders } from './reminders-sql.js';

/** Queues the reminders and escalation digests due at `now`; returns how many were new. */
export async function queueDueReminders(db: Queryable, now: Date, catchUpMs: number): Promise<number> {
  return (
    (await enqueueReminders(db, now, catchUpMs)) +
    (await enqueueShareTaskReminders(db, now, catchUpMs)) +
    (await enqueueEscalations(db, now, catchUpMs))
  );
}
