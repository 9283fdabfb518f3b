/**
 * The scheduler's claims (job_runs): one row per job and slot, inserted by the one instance that runs
 * it. The primary key (job_name, slot_at) is the whole lock: a second instance's insert finds the row
 * and skips the slot.
 */
import type { Queryable } from './db.js';

/** True when this instance now owns the slot (nobody claimed it before). */
export async function claimSlot(db: Queryable, job: string, slotAt: Date, owner: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO job_runs (job_name, slot_at, claimed_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
    [job, slotAt, owner],
  );
  return rowCount === 1;
}

export async function finishSlot(db: Queryable, job: string, slotAt: Date): Promise<void> {
  await db.query(`UPDATE job_runs SET finished_at = now() WHERE job_name = $1 AND slot_at = $2`, [
    job,
    slotAt,
  ]);
}

/** The latest slot of a job any instance claimed, if any. */
export async function lastClaimedSlot(db: Queryable, job: string): Promise<Date | undefined> {
  const { rows } = await db.query<{ slotAt: Date | null }>(
    `SELECT max(slot_at) AS "slotAt" FROM job_runs WHERE job_name = $1`,
    [job],
  );
  return rows[0]?.slotAt ?? undefined;
}

/** Claims older than `before` serve no one (a slot is never claimed again once passed). */
export async function pruneClaims(db: Queryable, before: Date): Promise<number> {
  const { rowCount } = await db.query(`DELETE FROM job_runs WHERE slot_at < $1`, [before]);
  return rowCount ?? 0;
}
