-- A real ward sets itself up in the app (issue 12): banner places, the time of each assignment (for
-- "remind a team that has not acknowledged a day after assignment"), the rule kinds the defaults use,
-- and an index for the audit view.

-- Places where a task's banner hangs or a photo must be taken (UBND, Trung tâm Phục vụ Hành chính công…).
CREATE TABLE places (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ward_id uuid NOT NULL REFERENCES wards (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
  address text NOT NULL DEFAULT '',
  lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lng double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
  radius_m integer NOT NULL DEFAULT 100 CHECK (radius_m BETWEEN 10 AND 20000),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (ward_id, name)
);
ALTER TABLE places ENABLE ROW LEVEL SECURITY;
ALTER TABLE places FORCE ROW LEVEL SECURITY;
CREATE POLICY ward_isolation ON places
  USING (current_setting('app.ward_id', true) = 'all' OR ward_id::text = current_setting('app.ward_id', true))
  WITH CHECK (current_setting('app.ward_id', true) = 'all' OR ward_id::text = current_setting('app.ward_id', true));

-- Sign-in links: staff (or `npm run ward:create`) give a member a one-time link; opening it with Zalo
-- links that Zalo account to the member. Only the token's hash is stored.
CREATE TABLE member_invites (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ward_id uuid NOT NULL REFERENCES wards (id) ON DELETE CASCADE,
  member_id uuid NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  token_sha256 text NOT NULL UNIQUE CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
  created_by uuid REFERENCES members (id),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE member_invites ENABLE ROW LEVEL SECURITY;
ALTER TABLE member_invites FORCE ROW LEVEL SECURITY;
CREATE POLICY ward_isolation ON member_invites
  USING (current_setting('app.ward_id', true) = 'all' OR ward_id::text = current_setting('app.ward_id', true))
  WITH CHECK (current_setting('app.ward_id', true) = 'all' OR ward_id::text = current_setting('app.ward_id', true));

-- Units can be retired without losing the history of their tasks.
ALTER TABLE units ADD COLUMN active boolean NOT NULL DEFAULT true;

-- When a unit was given the task: the "not acknowledged a day after assignment" reminder counts from here.
ALTER TABLE assignments ADD COLUMN assigned_at timestamptz NOT NULL DEFAULT now();

-- after_assigned: offset after assignment, only while the unit has not acknowledged.
-- overdue_daily_at: every day at time_of_day, only tasks already past due (the morning escalation).
ALTER TABLE reminder_rules DROP CONSTRAINT reminder_rules_kind_check;
ALTER TABLE reminder_rules ADD CONSTRAINT reminder_rules_kind_check
  CHECK (kind IN ('daily_at', 'before_due', 'at_due', 'after_due', 'after_assigned', 'overdue_daily_at'));
CREATE INDEX reminder_rules_campaign ON reminder_rules (campaign_id);

-- The audit view lists a ward's entries newest first, by person or by campaign.
CREATE INDEX audit_log_ward_time ON audit_log (ward_id, created_at DESC);
CREATE INDEX audit_log_actor ON audit_log (ward_id, actor_member_id, created_at DESC);

DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'loa_app') THEN
    GRANT SELECT, INSERT, UPDATE, DELETE ON places, member_invites TO loa_app;
  END IF;
END $$;
