-- Posts: sent back with a reason, an image, and a loudspeaker script of their own (issue 12 items 4–5).

-- A leader sends a draft back to its author with a reason; the author sees it until the next edit.
ALTER TABLE posts ADD COLUMN sent_back_reason text CHECK (char_length(sent_back_reason) BETWEEN 1 AND 1000);
ALTER TABLE posts ADD COLUMN sent_back_by uuid REFERENCES members (id);
ALTER TABLE posts ADD COLUMN sent_back_at timestamptz;
-- What the teams read aloud: its own text (no link, numbers and dates in words), checked by the server.
ALTER TABLE posts ADD COLUMN loudspeaker_script text CHECK (char_length(loudspeaker_script) BETWEEN 1 AND 5000);

-- An image attached to posts: stored once per ward by content (sha256 of the stored JPEG), decoded and
-- re-encoded on upload so what goes to Zalo is a JPEG within its 1 MB upload limit.
CREATE TABLE post_images (
  ward_id uuid NOT NULL REFERENCES wards (id) ON DELETE CASCADE,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  width integer NOT NULL,
  height integer NOT NULL,
  bytes integer NOT NULL,
  created_by uuid REFERENCES members (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (ward_id, sha256)
);
ALTER TABLE post_images ENABLE ROW LEVEL SECURITY;
ALTER TABLE post_images FORCE ROW LEVEL SECURITY;
CREATE POLICY ward_isolation ON post_images
  USING (current_setting('app.ward_id', true) = 'all' OR ward_id::text = current_setting('app.ward_id', true))
  WITH CHECK (current_setting('app.ward_id', true) = 'all' OR ward_id::text = current_setting('app.ward_id', true));

-- The OA's upload of an image (POST /v2.0/oa/upload/image → attachment_id), reused while Zalo keeps it
-- (assets expire after 7 days), so 17 groups cost one upload, not 17.
CREATE TABLE oa_image_attachments (
  ward_id uuid NOT NULL REFERENCES wards (id) ON DELETE CASCADE,
  sha256 text NOT NULL,
  attachment_id text NOT NULL,
  uploaded_at timestamptz NOT NULL,
  PRIMARY KEY (ward_id, sha256)
);
ALTER TABLE oa_image_attachments ENABLE ROW LEVEL SECURITY;
ALTER TABLE oa_image_attachments FORCE ROW LEVEL SECURITY;
CREATE POLICY ward_isolation ON oa_image_attachments
  USING (current_setting('app.ward_id', true) = 'all' OR ward_id::text = current_setting('app.ward_id', true))
  WITH CHECK (current_setting('app.ward_id', true) = 'all' OR ward_id::text = current_setting('app.ward_id', true));

-- The image a delivery carries, fixed with its text when the occurrence is dispatched.
ALTER TABLE deliveries ADD COLUMN image_sha256 text;

-- Each play of a loudspeaker delivery a team reports (the play log); deliveries.broadcast_count stays
-- the total, which the report reads.
CREATE TABLE loudspeaker_plays (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ward_id uuid NOT NULL REFERENCES wards (id) ON DELETE CASCADE,
  delivery_id uuid NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
  unit_id uuid REFERENCES units (id),
  reported_by uuid REFERENCES members (id),
  played_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX loudspeaker_plays_delivery ON loudspeaker_plays (delivery_id, played_at);
ALTER TABLE loudspeaker_plays ENABLE ROW LEVEL SECURITY;
ALTER TABLE loudspeaker_plays FORCE ROW LEVEL SECURITY;
CREATE POLICY ward_isolation ON loudspeaker_plays
  USING (current_setting('app.ward_id', true) = 'all' OR ward_id::text = current_setting('app.ward_id', true))
  WITH CHECK (current_setting('app.ward_id', true) = 'all' OR ward_id::text = current_setting('app.ward_id', true));

-- The times of day the ward's loudspeakers broadcast (the schedule form offers them).
CREATE TABLE loudspeaker_slots (
  ward_id uuid PRIMARY KEY REFERENCES wards (id) ON DELETE CASCADE,
  times_of_day text[] NOT NULL CHECK (cardinality(times_of_day) BETWEEN 1 AND 6),
  updated_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE loudspeaker_slots ENABLE ROW LEVEL SECURITY;
ALTER TABLE loudspeaker_slots FORCE ROW LEVEL SECURITY;
CREATE POLICY ward_isolation ON loudspeaker_slots
  USING (current_setting('app.ward_id', true) = 'all' OR ward_id::text = current_setting('app.ward_id', true))
  WITH CHECK (current_setting('app.ward_id', true) = 'all' OR ward_id::text = current_setting('app.ward_id', true));

DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'loa_app') THEN
    GRANT SELECT, INSERT, UPDATE, DELETE ON post_images, oa_image_attachments, loudspeaker_plays,
      loudspeaker_slots TO loa_app;
  END IF;
END $$;
