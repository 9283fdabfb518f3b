-- Reminder dedupe keys now name the occasion a rule reminds of (the deadline, the assignment or share
-- task's opening, or the ward's day) instead of the slot's time, so editing a rule does not send again
-- what it already sent (notifications/reminders-sql.ts). Keys written before this change are rewritten
-- to the new shape, or the first tick after the upgrade would send the slots of its catch-up window a
-- second time. A rule's offset has not changed since its rows were written (saves used to re-create
-- rules under new ids), so the offset turns the slot back into its occasion.
WITH old AS (
  SELECT n.id, n.ward_id, r.kind, COALESCE(r.offset_minutes, 0) * 60 AS offset_s,
         split_part(n.dedupe_key, ':', 1) || ':' || r.id AS head,
         split_part(n.dedupe_key, ':', 3)::bigint AS slot,
         regexp_replace(n.dedupe_key, '^[^:]+:[^:]+:[^:]+:', '') AS tail
    FROM notifications n
    JOIN reminder_rules r ON r.id = n.rule_id
   WHERE n.kind IN ('reminder', 'escalation')
     AND split_part(n.dedupe_key, ':', 1) IN ('reminder', 'share-reminder', 'escalation')
     AND split_part(n.dedupe_key, ':', 2) = r.id::text
     AND split_part(n.dedupe_key, ':', 3) ~ '^[0-9]+$'
), rekeyed AS (
  SELECT id, ward_id,
         head || ':' || CASE
           WHEN kind IN ('daily_at', 'overdue_daily_at')
             THEN 'day' || to_char(to_timestamp(slot) AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYYMMDD')
           WHEN kind = 'after_assigned' THEN 'a' || (slot - offset_s)
           WHEN kind = 'before_due' THEN 'due' || (slot + offset_s)
           WHEN kind = 'after_due' THEN 'due' || (slot - offset_s)
           ELSE 'due' || slot
         END || ':' || tail AS key
    FROM old
), first AS (
  SELECT id, ward_id, key, row_number() OVER (PARTITION BY ward_id, key ORDER BY id) AS n FROM rekeyed
)
UPDATE notifications n SET dedupe_key = f.key
  FROM first f
 WHERE n.id = f.id AND f.n = 1
   AND NOT EXISTS (SELECT 1 FROM notifications o WHERE o.ward_id = f.ward_id AND o.dedupe_key = f.key);
