-- Urges and reminders are looked up per assignment (and deleting an assignment cascades to them);
-- without this index both read the whole notifications table of every ward.
CREATE INDEX notifications_assignment ON notifications (assignment_id, kind, created_at);
