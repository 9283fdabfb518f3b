-- How many Zalo OA requests each server instance made in each second (issue 5, dispatch goodput).
-- Zalo limits an app per minute: every instance writes its own counts and reads the others', so
-- instances share one limit and a restarted process knows what its killed predecessor already sent.
-- Deployment-wide like job_runs (one OA app for all wards), so no ward_id and no row-level security.
CREATE TABLE oa_request_seconds (
  second timestamptz NOT NULL,
  owner text NOT NULL,
  -- No CHECK (requests >= 0): a slot given back is added as -1, and Postgres checks the row an
  -- INSERT ... ON CONFLICT would insert (-1) before it resolves the conflict.
  requests integer NOT NULL,
  PRIMARY KEY (second, owner)
);
