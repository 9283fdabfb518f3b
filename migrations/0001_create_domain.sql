-- The whole domain of DESIGN.md §2. Every ward-owned row carries ward_id, and row-level security on
-- ward_id applies to the application role `loa_app` (and to a non-superuser owner, through FORCE).
-- The server sets `app.ward_id` per transaction; the value 'all' is reserved for the server's own
-- cross-ward jobs (scheduler ticks, webhook intake before the ward is known).

-- The application role. Creating it needs CREATEROLE; on a managed server without it the app runs as
-- the owner and FORCE ROW LEVEL SECURITY still applies the policies.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'loa_app') THEN
    CREATE ROLE loa_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
  BEGIN
    EXECUTE format('GRANT loa_app TO %I', current_user);
  EXCEPTION WHEN others THEN
    RAISE NOTICE 'could not grant loa_app to %: %', current_user, SQLERRM;
  END;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'no CREATEROLE: row-level security relies on FORCE for the owner';
END $$;

CREATE TABLE wards (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ward_id uuid GENERATED ALWAYS AS (id) STORED,
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{2,80}$'),
  name text NOT NULL,                       -- "Phường Dầu Giây"
  place_name text NOT NULL,                 -- "Dầu Giây" (the địa danh line of documents)
  level text NOT NULL CHECK (level IN ('phuong', 'xa', 'dac_khu')),
  province text NOT NULL,
  center_lat double precision,
  center_lng double precision,
  radius_m integer CHECK (radius_m > 0),    -- the ward's area, approximated as a circle
  zalo_oa_id text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE units (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ward_id uuid NOT NULL REFERENCES wards (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('leadership', 'department', 'service_center', 'digital_team', 'khu_pho')),
  name text NOT NULL,
  short_name text,
  khu_pho_unit_id uuid REFERENCES units (id),   -- a digital team's neighbourhood
  sort_order integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (ward_id, name)
);
CREATE INDEX units_ward_kind ON units (ward_id, kind, sort_order);

CREATE TABLE members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ward_id uuid NOT NULL REFERENCES wards (id) ON DELETE CASCADE,
  unit_id uuid REFERENCES units (id),
  role text NOT NULL CHECK (role IN ('admin', 'staff', 'leader', 'team_lead', 'team_member')),
  full_name text NOT NULL,
  title text,                                   -- "Phó Chủ tịch", "Tổ trưởng"
  phone text CHECK (phone ~ '^84[0-9]{9,10}$'),  -- normalised to 84…
  zalo_app_user_id text,                        -- mini-app (app-scoped) id; ids exceed 2^53: text
  zalo_oa_user_id text,                         -- OA-scoped id, used to message them
  last_oa_interaction_at timestamptz,           -- decides which OA message types can reach them
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (ward_id, phone),
  UNIQUE (ward_id, zalo_app_user_id),
  UNIQUE (ward_id, zalo_oa_user_id)
);
CREATE INDEX members_unit ON members (unit_id);

CREATE TABLE zalo_groups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ward_id uuid NOT NULL REFERENCES wards (id) ON DELETE CASCADE,
  khu_pho_unit_id uuid NOT NULL REFERENCES units (id),
  responsible_unit_id uuid REFERENCES units (id),   -- the digital team that shares into it
  name text NOT NULL,
  delivery_mode text NOT NULL CHECK (delivery_mode IN ('oa_group', 'team_share')),
  zalo_group_id text,                               -- only for oa_group
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  auto_delete_date date,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (ward_id, name),
  CHECK (delivery_mode <> 'oa_group' OR zalo_group_id IS NOT NULL)
);

CREATE TABLE campaigns (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ward_id uuid NOT NULL REFERENCES wards (id) ON DELETE CASCADE,
  number text,                         -- "123/KH-UBND"
  issued_on date,
  title text NOT NULL,
  legal_bases text[] NOT NULL DEFAULT '{}',
  purposes text[] NOT NULL DEFAULT '{}',
  requirements text[] NOT NULL DEFAULT '{}',
  theme text NOT NULL DEFAULT '',
  slogans text[] NOT NULL DEFAULT '{}',
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  lead_unit_id uuid REFERENCES units (id),
  signer_member_id uuid REFERENCES members (id),
  signer_authority text,               -- "KT. CHỦ TỊCH"
  signer_title text,                   -- "PHÓ CHỦ TỊCH"
  recipients text[] NOT NULL DEFAULT '{}',
  source_text text,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'active', 'closed')),
  created_by uuid REFERENCES members (id),
  approved_by uuid REFERENCES members (id),
  approved_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on >= starts_on),
  CHECK (approved_by IS NULL OR approved_by IS DISTINCT FROM created_by)
);
CREATE INDEX campaigns_ward_status ON campaigns (ward_id, status, starts_on DESC);

CREATE TABLE tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ward_id uuid NOT NULL REFERENCES wards (id) ON DELETE CASCADE,
  campaign_id uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('share_post', 'loudspeaker', 'hang_banner', 'meeting', 'article', 'custom')),
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  due_at timestamptz NOT NULL,
  evidence_photo_count integer NOT NULL DEFAULT 0 CHECK (evidence_photo_count BETWEEN 0 AND 20),
  evidence_location_required boolean NOT NULL DEFAULT false,
  evidence_number_label text,          -- "Số lần phát thanh"
  place_name text,
  place_lat double precision,
  place_lng double precision,
  place_radius_m integer CHECK (place_radius_m > 0),
  sort_order integer NOT NULL DEFAULT 0,
  created_by uuid REFERENCES members (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tasks_campaign ON tasks (campaign_id, sort_order);

CREATE TABLE assignments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ward_id uuid NOT NULL REFERENCES wards (id) ON DELETE CASCADE,
  task_id uuid NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  unit_id uuid NOT NULL REFERENCES units (id),
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'acknowledged', 'submitted', 'accepted', 'needs_fix')),
  acknowledged_at timestamptz,
  acknowledged_by uuid REFERENCES members (id),
  submitted_at timestamptz,
  submitted_by uuid REFERENCES members (id),
  note text,
  number_done integer CHECK (number_done >= 0),
  reviewed_at timestamptz,
  reviewed_by uuid REFERENCES members (id),
  review_reason text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (task_id, unit_id)
);
CREATE INDEX assignments_unit ON assignments (unit_id, status);

-- Photo files are content-addressed per ward: one row per distinct sha256.
CREATE TABLE photo_files (
  ward_id uuid NOT NULL REFERENCES wards (id) ON DELETE CASCADE,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  original_key text NOT NULL,
  display_key text NOT NULL,
  thumb_key text NOT NULL,
  mime text NOT NULL,
  bytes integer NOT NULL,
  width integer NOT NULL,
  height integer NOT NULL,
  phash text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (ward_id, sha256)
);

CREATE TABLE evidence (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ward_id uuid NOT NULL REFERENCES wards (id) ON DELETE CASCADE,
  assignment_id uuid NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('photo', 'note', 'number', 'link')),
  photo_sha256 text,
  note text,
  number_value integer,
  link text,
  taken_at timestamptz,
  lat double precision,
  lng double precision,
  location_source text CHECK (location_source IN ('zalo', 'exif')),
  flags jsonb NOT NULL DEFAULT '{}',
  review_status text NOT NULL DEFAULT 'pending' CHECK (review_status IN ('pending', 'accepted', 'needs_fix')),
  reviewed_by uuid REFERENCES members (id),
  reviewed_at timestamptz,
  review_reason text,
  uploaded_by uuid REFERENCES members (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (ward_id, photo_sha256) REFERENCES photo_files (ward_id, sha256),
  CHECK (kind <> 'photo' OR photo_sha256 IS NOT NULL)
);
CREATE INDEX evidence_assignment ON evidence (assignment_id);
CREATE INDEX evidence_review ON evidence (ward_id, review_status, created_at);

CREATE TABLE posts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ward_id uuid NOT NULL REFERENCES wards (id) ON DELETE CASCADE,
  campaign_id uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
  image_sha256 text,
  link_path text,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'archived')),
  created_by uuid REFERENCES members (id),
  approved_by uuid REFERENCES members (id),
  approved_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (approved_by IS NULL OR approved_by IS DISTINCT FROM created_by)
);
CREATE INDEX posts_campaign ON posts (campaign_id, created_at);

CREATE TABLE schedules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ward_id uuid NOT NULL REFERENCES wards (id) ON DELETE CASCADE,
  post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('once', 'daily')),
  run_at timestamptz,                   -- once
  times_of_day text[],                  -- daily: {'07:00','17:00'} in Asia/Ho_Chi_Minh
  starts_on date,
  ends_on date,
  targets jsonb NOT NULL DEFAULT '{}',  -- {groupIds:[…], oaFollowers:bool, loudspeaker:bool}
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'cancelled')),
  materialised_until timestamptz,       -- occurrences exist up to here
  created_by uuid REFERENCES members (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (kind <> 'once' OR run_at IS NOT NULL),
  CHECK (kind <> 'daily' OR (times_of_day IS NOT NULL AND starts_on IS NOT NULL AND ends_on IS NOT NULL))
);

CREATE TABLE occurrences (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ward_id uuid NOT NULL REFERENCES wards (id) ON DELETE CASCADE,
  schedule_id uuid NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,
  post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  due_at timestamptz NOT NULL,
  body_override text CHECK (body_override IS NULL OR char_length(body_override) BETWEEN 1 AND 2000),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'dispatched', 'cancelled')),
  dispatched_at timestamptz,
  UNIQUE (schedule_id, due_at)
);
CREATE INDEX occurrences_due ON occurrences (due_at) WHERE status = 'pending';

CREATE TABLE deliveries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ward_id uuid NOT NULL REFERENCES wards (id) ON DELETE CASCADE,
  occurrence_id uuid NOT NULL REFERENCES occurrences (id) ON DELETE CASCADE,
  target_kind text NOT NULL CHECK (target_kind IN ('oa_group', 'team_share', 'oa_user', 'loudspeaker')),
  target_key text NOT NULL,             -- group id, member id or team id, as text
  group_id uuid REFERENCES zalo_groups (id),
  responsible_unit_id uuid REFERENCES units (id),
  status text NOT NULL DEFAULT 'queued'
    CHECK (status IN ('queued', 'sending', 'sent', 'shared', 'failed', 'unknown')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  lease_until timestamptz,
  lease_owner text,
  zalo_message_id text,
  shared_by uuid REFERENCES members (id),
  shared_at timestamptz,
  error_code text,
  error_reason text,
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (occurrence_id, target_kind, target_key)
);
CREATE INDEX deliveries_ready ON deliveries (next_attempt_at) WHERE status IN ('queued', 'sending', 'unknown');

CREATE TABLE reminder_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ward_id uuid NOT NULL REFERENCES wards (id) ON DELETE CASCADE,
  campaign_id uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('daily_at', 'before_due', 'at_due', 'after_due')),
  time_of_day text CHECK (time_of_day IS NULL OR time_of_day ~ '^[0-2][0-9]:[0-5][0-9]$'),
  offset_minutes integer,
  escalate boolean NOT NULL DEFAULT false,  -- also send the digest to staff and the leader
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Every message we send to a person (reminder, urge, escalation, review result): one row per
-- dedupe_key, so a tick that runs twice sends once.
CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ward_id uuid NOT NULL REFERENCES wards (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('reminder', 'urge', 'escalation', 'review_result', 'share_task')),
  member_id uuid REFERENCES members (id),
  assignment_id uuid REFERENCES assignments (id) ON DELETE CASCADE,
  rule_id uuid REFERENCES reminder_rules (id) ON DELETE SET NULL,
  dedupe_key text NOT NULL,
  channel text CHECK (channel IN ('oa_cs', 'oa_template', 'zns', 'unreachable')),
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'unknown')),
  body text NOT NULL,
  requested_by uuid REFERENCES members (id),
  zalo_message_id text,
  error_code text,
  error_reason text,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  UNIQUE (ward_id, dedupe_key)
);

CREATE TABLE webhook_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ward_id uuid NOT NULL REFERENCES wards (id) ON DELETE CASCADE,
  event_key text NOT NULL,              -- msg_id, or the event's identity when it has none
  event_name text NOT NULL,
  sender_id text,
  payload jsonb NOT NULL,
  raw_body text NOT NULL,
  status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'processing', 'processed', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  received_at timestamptz NOT NULL DEFAULT now(),
  processed_at timestamptz,
  UNIQUE (ward_id, event_key)
);
CREATE INDEX webhook_events_pending ON webhook_events (next_attempt_at) WHERE status IN ('received', 'failed');

CREATE TABLE conversations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ward_id uuid NOT NULL REFERENCES wards (id) ON DELETE CASCADE,
  zalo_user_id text NOT NULL,           -- OA-scoped id
  member_id uuid REFERENCES members (id),
  state jsonb NOT NULL DEFAULT '{}',
  handed_to_staff_at timestamptz,
  last_message_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (ward_id, zalo_user_id)
);

CREATE TABLE conversation_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ward_id uuid NOT NULL REFERENCES wards (id) ON DELETE CASCADE,
  conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  direction text NOT NULL CHECK (direction IN ('in', 'out')),
  text text,
  payload jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversation_messages_conv ON conversation_messages (conversation_id, created_at);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  ward_id uuid NOT NULL REFERENCES wards (id) ON DELETE CASCADE,
  actor_member_id uuid REFERENCES members (id),
  action text NOT NULL,                 -- "campaigns.approve"
  entity text NOT NULL,
  entity_id text,
  before jsonb,
  after jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_entity ON audit_log (ward_id, entity, entity_id, created_at);

CREATE TABLE oa_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ward_id uuid NOT NULL REFERENCES wards (id) ON DELETE CASCADE,
  oa_id text NOT NULL,
  access_token text NOT NULL,
  refresh_token text NOT NULL,
  access_expires_at timestamptz NOT NULL,
  refresh_expires_at timestamptz,
  status text NOT NULL DEFAULT 'ok' CHECK (status IN ('ok', 'grant_lost')),
  last_error text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (ward_id, oa_id)
);

-- Cross-ward infrastructure (no ward_id): which scheduled job slots have run, so a tick runs once
-- across every instance and a missed slot is caught up on boot.
CREATE TABLE job_runs (
  job_name text NOT NULL,
  slot_at timestamptz NOT NULL,
  claimed_by text NOT NULL,
  claimed_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  PRIMARY KEY (job_name, slot_at)
);

-- Row-level security on every ward-owned table.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'wards', 'units', 'members', 'zalo_groups', 'campaigns', 'tasks', 'assignments', 'photo_files',
    'evidence', 'posts', 'schedules', 'occurrences', 'deliveries', 'reminder_rules', 'notifications',
    'webhook_events', 'conversations', 'conversation_messages', 'audit_log', 'oa_tokens'
  ] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      $p$CREATE POLICY ward_isolation ON %I
         USING (current_setting('app.ward_id', true) = 'all' OR ward_id::text = current_setting('app.ward_id', true))
         WITH CHECK (current_setting('app.ward_id', true) = 'all' OR ward_id::text = current_setting('app.ward_id', true))$p$,
      t);
  END LOOP;
END $$;

-- Privileges for the application role, now and for tables later migrations create.
DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'loa_app') THEN
    GRANT USAGE ON SCHEMA public TO loa_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO loa_app;
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO loa_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO loa_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO loa_app;
  END IF;
END $$;
