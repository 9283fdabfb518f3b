/**
 * Reminder rules → notifications. A rule fires at slots (a time every day of the campaign, or relative
 * to each task's due time); each slot reminds the members of every unit (a team, or an office such as
 * the UBND's) whose assignment is not done, and of every team whose share task still waits,
 * and an escalating rule sends staff and leaders a digest of the late units (tasks and share tasks). Dedupe keys make a replayed
 * or caught-up tick harmless; slots older than the catch-up window are skipped (a stale nudge helps no one).
 *
 * A dedupe key names the rule and the *occasion* it reminds of, not the slot's time: the deadline (due-time
 * rules), the assignment or opening (after_assigned) or the ward's day (daily rules). Saving a rule keeps
 * its id (reminder-rules.ts), and moving its time or offset moves the slot but not the occasion, so what a
 * rule already sent for this deadline or this morning is not sent again when staff edit it. A new due time
 * is a new occasion and is reminded of.
 */
import { WARD_TIME_ZONE } from '@loa/shared';
import type { Queryable } from '../plugins/db.js';

/** How many days past the campaign's end (or a later due day) the morning escalation keeps naming a late task. */
export const OVERDUE_DAYS_AFTER_END = 14;

const SLOTS = `
  WITH rule_slots AS (
    SELECT r.id AS rule_id, r.ward_id, r.campaign_id, r.kind, r.escalate, r.offset_minutes, t.id AS task_id,
           'due' || extract(epoch FROM t.due_at)::bigint AS occasion,
           CASE r.kind
             WHEN 'before_due' THEN t.due_at - make_interval(mins => COALESCE(r.offset_minutes, 0))
             WHEN 'at_due' THEN t.due_at
             WHEN 'after_due' THEN t.due_at + make_interval(mins => COALESCE(r.offset_minutes, 0))
           END AS slot
      FROM reminder_rules r
      JOIN campaigns c ON c.id = r.campaign_id AND c.status = 'active'
      JOIN tasks t ON t.campaign_id = r.campaign_id AND t.cancelled_at IS NULL
     WHERE r.active AND r.kind NOT IN ('daily_at', 'overdue_daily_at')
    UNION ALL
    SELECT r.id, r.ward_id, r.campaign_id, r.kind, r.escalate, r.offset_minutes, t.id,
           'day' || to_char(d::date, 'YYYYMMDD'),
           (d::date + r.time_of_day::time) AT TIME ZONE '${WARD_TIME_ZONE}'
      FROM reminder_rules r
      JOIN campaigns c ON c.id = r.campaign_id AND c.status = 'active'
      JOIN tasks t ON t.campaign_id = r.campaign_id AND t.cancelled_at IS NULL
      CROSS JOIN LATERAL generate_series(
        (($1::timestamptz - $2 * interval '1 millisecond') AT TIME ZONE '${WARD_TIME_ZONE}')::date,
        ($1::timestamptz AT TIME ZONE '${WARD_TIME_ZONE}')::date, interval '1 day') d
     WHERE r.active AND r.kind IN ('daily_at', 'overdue_daily_at') AND r.time_of_day IS NOT NULL
       AND d::date >= c.starts_on
       -- The morning escalation goes on while the task is late, past the campaign's last day (a task due
       -- that day is only late the next morning), for at most ${OVERDUE_DAYS_AFTER_END} days after the later of the campaign's
       -- end and the task's due day; after that a campaign still open is for staff to close.
       AND d::date <= CASE WHEN r.kind = 'overdue_daily_at'
                           THEN GREATEST(c.ends_on, (t.due_at AT TIME ZONE '${WARD_TIME_ZONE}')::date) + ${OVERDUE_DAYS_AFTER_END}
                           ELSE c.ends_on END
  ), assignment_slots AS (
    -- after_assigned counts from each unit's assignment and only while it is not acknowledged;
    -- overdue_daily_at (the morning escalation) names only tasks already past due.
    SELECT rs.rule_id, rs.ward_id, rs.campaign_id, rs.kind, rs.escalate, rs.task_id,
           CASE WHEN rs.kind = 'after_assigned'
                THEN a.assigned_at + make_interval(mins => COALESCE(rs.offset_minutes, 0))
                ELSE rs.slot END AS slot,
           CASE WHEN rs.kind = 'after_assigned'
                THEN 'a' || extract(epoch FROM a.assigned_at)::bigint
                ELSE rs.occasion END AS occasion,
           a.id AS assignment_id, a.unit_id, t.title, t.due_at
      FROM rule_slots rs
      JOIN tasks t ON t.id = rs.task_id
      JOIN assignments a ON a.task_id = rs.task_id AND a.status IN ('pending', 'acknowledged', 'needs_fix')
     WHERE (rs.kind <> 'after_assigned' OR a.status = 'pending')
       AND (rs.kind <> 'overdue_daily_at' OR t.due_at < rs.slot)
  ), due AS (
    SELECT * FROM assignment_slots
     WHERE slot <= $1 AND slot > $1::timestamptz - $2 * interval '1 millisecond'
  )`;

/** Reminders to the members of teams not done. Returns how many were queued. */
export async function enqueueReminders(db: Queryable, now: Date, catchUpMs: number): Promise<number> {
  const { rowCount } = await db.query(
    `${SLOTS}
     INSERT INTO notifications (ward_id, kind, member_id, assignment_id, rule_id, dedupe_key, body, next_attempt_at)
     SELECT due.ward_id, 'reminder', m.id, due.assignment_id, due.rule_id,
            'reminder:' || due.rule_id || ':' || due.occasion || ':' || due.assignment_id || ':' || m.id,
            'Nhắc việc: "' || due.title || '" của ' || u.name || ' (hạn '
              || to_char(due.due_at AT TIME ZONE '${WARD_TIME_ZONE}', 'HH24:MI DD/MM/YYYY')
              || ') chưa hoàn thành. Mở Loa Phường để báo cáo kết quả.',
            $1
       FROM due
       JOIN units u ON u.id = due.unit_id
       JOIN members m ON m.unit_id = due.unit_id AND m.active AND m.role <> 'resident'
     ON CONFLICT (ward_id, dedupe_key) DO NOTHING`,
    [now, catchUpMs],
  );
  return rowCount ?? 0;
}

/**
 * Share tasks (a team_share or loudspeaker delivery waiting for its team) follow the campaign's rules
 * too: `after_assigned` counts from when the share task opened, `daily_at` reminds each day it still
 * waits, and `overdue_daily_at` each morning once it has waited a whole day. A share task has no due
 * time, so the due-relative rules do not apply. While a delivery waits, its `updated_at` is the moment
 * it opened (nothing else writes a waiting row; confirming it moves it out of `waiting`).
 * The CTEs (no WITH: they follow SLOTS in the digest) end in `share_due`, one row per slot due now.
 */
const SHARE_SLOTS = `
  share_waiting AS (
    SELECT d.id AS delivery_id, d.ward_id, d.target_kind, d.responsible_unit_id AS unit_id,
           d.updated_at AS opened_at, g.name AS group_name, p.campaign_id,
           CASE WHEN char_length(p.body) > 40 THEN left(p.body, 40) || '…' ELSE p.body END AS excerpt
      FROM deliveries d
      JOIN occurrences o ON o.id = d.occurrence_id
      JOIN posts p ON p.id = o.post_id
      JOIN campaigns c ON c.id = p.campaign_id AND c.status = 'active'
      LEFT JOIN zalo_groups g ON g.id = d.group_id
     WHERE d.status = 'waiting' AND d.target_kind IN ('team_share', 'loudspeaker')
       AND d.responsible_unit_id IS NOT NULL
  ), share_slots AS (
    SELECT r.id AS rule_id, r.kind, r.escalate, w.delivery_id, w.ward_id, w.target_kind, w.unit_id,
           w.opened_at, w.group_name, w.excerpt,
           w.opened_at + make_interval(mins => COALESCE(r.offset_minutes, 0)) AS slot,
           'a' || extract(epoch FROM w.opened_at)::bigint AS occasion
      FROM share_waiting w JOIN reminder_rules r ON r.campaign_id = w.campaign_id
     WHERE r.active AND r.kind = 'after_assigned'
    UNION ALL
    SELECT r.id, r.kind, r.escalate, w.delivery_id, w.ward_id, w.target_kind, w.unit_id, w.opened_at,
           w.group_name, w.excerpt, (day::date + r.time_of_day::time) AT TIME ZONE '${WARD_TIME_ZONE}',
           'day' || to_char(day::date, 'YYYYMMDD')
      FROM share_waiting w JOIN reminder_rules r ON r.campaign_id = w.campaign_id
     CROSS JOIN LATERAL generate_series(
       (($1::timestamptz - $2 * interval '1 millisecond') AT TIME ZONE '${WARD_TIME_ZONE}')::date,
       ($1::timestamptz AT TIME ZONE '${WARD_TIME_ZONE}')::date, interval '1 day') day
     WHERE r.active AND r.kind IN ('daily_at', 'overdue_daily_at') AND r.time_of_day IS NOT NULL
  ), share_due AS (
    SELECT * FROM share_slots
     WHERE slot <= $1 AND slot > $1::timestamptz - $2 * interval '1 millisecond' AND slot > opened_at
       AND (kind <> 'overdue_daily_at' OR opened_at <= slot - interval '1 day')
  )`;

/** Reminders to the members of teams whose share task waits. Returns how many were queued. */
export async function enqueueShareTaskReminders(
  db: Queryable,
  now: Date,
  catchUpMs: number,
): Promise<number> {
  const { rowCount } = await db.query(
    `WITH ${SHARE_SLOTS}
     INSERT INTO notifications (ward_id, kind, member_id, delivery_id, rule_id, dedupe_key, body, next_attempt_at)
     SELECT due.ward_id, 'reminder', m.id, due.delivery_id, due.rule_id,
            'share-reminder:' || due.rule_id || ':' || due.occasion || ':' || due.delivery_id || ':' || m.id,
            CASE due.target_kind
              WHEN 'team_share' THEN 'Nhắc việc: bài đăng chưa được chia sẻ vào ' || COALESCE(due.group_name, 'nhóm Zalo')
                || '. Mở Loa Phường, chọn "Chia sẻ vào nhóm" rồi bấm "Đã chia sẻ".'
              ELSE 'Nhắc việc: bài đăng chưa được đọc trên loa của ' || u.name
                || '. Mở Loa Phường để xem nội dung và báo số lần đã phát.'
            END,
            $1
       FROM share_due due
       JOIN units u ON u.id = due.unit_id
       JOIN members m ON m.unit_id = due.unit_id AND m.active AND m.role <> 'resident'
     ON CONFLICT (ward_id, dedupe_key) DO NOTHING`,
    [now, catchUpMs],
  );
  return rowCount ?? 0;
}

/**
 * One digest per escalating rule slot to each staff member and leader, naming the late units: their
 * tasks not done and their share tasks still waiting (a post not shared into a group, or not read on the
 * loudspeaker), in one message per slot.
 */
export async function enqueueEscalations(db: Queryable, now: Date, catchUpMs: number): Promise<number> {
  const { rowCount } = await db.query(
    `${SLOTS}, ${SHARE_SLOTS}, late AS (
       SELECT ward_id, rule_id, occasion, unit_id, title AS what FROM due WHERE escalate
       UNION ALL
       SELECT ward_id, rule_id, occasion, unit_id,
              CASE target_kind
                WHEN 'team_share' THEN 'chia sẻ bài “' || excerpt || '” vào ' || COALESCE(group_name, 'nhóm Zalo')
                ELSE 'đọc bài “' || excerpt || '” trên loa'
              END
         FROM share_due WHERE escalate
     ), digest AS (
       SELECT late.ward_id, late.rule_id, late.occasion,
              string_agg(DISTINCT u.name || ': ' || late.what, '; ') AS late, count(DISTINCT late.unit_id) AS teams
         FROM late JOIN units u ON u.id = late.unit_id
        GROUP BY late.ward_id, late.rule_id, late.occasion
     )
     INSERT INTO notifications (ward_id, kind, member_id, rule_id, dedupe_key, body, next_attempt_at)
     SELECT d.ward_id, 'escalation', m.id, d.rule_id,
            'escalation:' || d.rule_id || ':' || d.occasion || ':' || m.id,
            'Tổng hợp chậm tiến độ: ' || d.teams || ' đơn vị chưa xong việc — ' || d.late || '. Mở Loa Phường để nhắc các đơn vị.',
            $1
       FROM digest d
       JOIN members m ON m.ward_id = d.ward_id AND m.active AND m.role IN ('staff', 'leader')
     ON CONFLICT (ward_id, dedupe_key) DO NOTHING`,
    [now, catchUpMs],
  );
  return rowCount ?? 0;
}
