-- The delivery ledger's send discipline (issue 5).
-- team_share and loudspeaker deliveries are done by a team, not by the OA: after the share task opens
-- they wait (`waiting`) until a member confirms (`shared`) or reports the broadcasts made (`done`).
ALTER TABLE deliveries DROP CONSTRAINT deliveries_status_check;
ALTER TABLE deliveries ADD CONSTRAINT deliveries_status_check
  CHECK (status IN ('queued', 'sending', 'sent', 'waiting', 'shared', 'done', 'failed', 'unknown'));

-- The exact text sent (fixed at materialisation, so a retry or a reconciliation compares the same
-- text even if the post is edited later), and when the latest attempt started (a reconciliation only
-- accepts a group message sent after it).
ALTER TABLE deliveries ADD COLUMN body text;
ALTER TABLE deliveries ADD COLUMN attempt_started_at timestamptz;
-- Loudspeaker: how many times the team read the script aloud.
ALTER TABLE deliveries ADD COLUMN broadcast_count integer CHECK (broadcast_count >= 0);
CREATE INDEX deliveries_unit_waiting ON deliveries (responsible_unit_id) WHERE status = 'waiting';
CREATE INDEX deliveries_sending_lease ON deliveries (lease_until) WHERE status = 'sending';

-- Notifications use the same claim/lease discipline as deliveries.
ALTER TABLE notifications ADD COLUMN lease_until timestamptz;
ALTER TABLE notifications ADD COLUMN lease_owner text;
ALTER TABLE notifications ADD COLUMN attempt_started_at timestamptz;
-- A digest for staff names late teams; it has no assignment of its own.
ALTER TABLE notifications ADD COLUMN delivery_id uuid REFERENCES deliveries (id) ON DELETE CASCADE;
CREATE INDEX notifications_ready ON notifications (next_attempt_at) WHERE status IN ('queued', 'sending');

