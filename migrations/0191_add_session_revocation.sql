-- Sessions can be ended before they expire (issue 16).
-- A session token carries its member's session_version; any change to what the token grants (role,
-- team, active) bumps it, so every token issued before the change is refused at its next re-check.
-- The trigger catches every writer (the app, the list import, a manual UPDATE), not only the routes.
ALTER TABLE members ADD COLUMN session_version integer NOT NULL DEFAULT 0;

CREATE FUNCTION members_bump_session_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.role, NEW.unit_id, NEW.active, NEW.ward_id) IS DISTINCT FROM (OLD.role, OLD.unit_id, OLD.active, OLD.ward_id) THEN
    NEW.session_version := OLD.session_version + 1;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER members_session_version BEFORE UPDATE ON members
  FOR EACH ROW EXECUTE FUNCTION members_bump_session_version();

-- Tokens signed out one by one (the sign-out button): refused until they would have expired anyway.
CREATE TABLE revoked_sessions (
  token_id uuid PRIMARY KEY,
  ward_id uuid NOT NULL REFERENCES wards (id) ON DELETE CASCADE,
  member_id uuid REFERENCES members (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX revoked_sessions_expiry ON revoked_sessions (expires_at);
ALTER TABLE revoked_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE revoked_sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY ward_isolation ON revoked_sessions
  USING (current_setting('app.ward_id', true) = 'all' OR ward_id::text = current_setting('app.ward_id', true))
  WITH CHECK (current_setting('app.ward_id', true) = 'all' OR ward_id::text = current_setting('app.ward_id', true));

DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'loa_app') THEN
    GRANT SELECT, INSERT, UPDATE, DELETE ON revoked_sessions TO loa_app;
  END IF;
END $$;
