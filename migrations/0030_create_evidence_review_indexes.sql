-- The staff review queue filters photos by flag (`flags ? 'near_duplicate'`) and by team; the
-- near-duplicate check joins every earlier photo of the ward to its file.
CREATE INDEX evidence_flags ON evidence USING gin (flags);
CREATE INDEX evidence_photo_file ON evidence (ward_id, photo_sha256) WHERE kind = 'photo';
