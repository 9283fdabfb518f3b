-- The near-duplicate check compares a new photo's dHash with every earlier photo file of the ward.
-- Parsing each stored hex string into bits on every upload made that scan the largest part of
-- Postgres' work per upload at a few hundred photos (perf on `npm run bench:photos`); stored as bits,
-- each comparison is one XOR and one popcount.
ALTER TABLE photo_files
  ADD COLUMN phash_bits bit(64) GENERATED ALWAYS AS (('x' || phash)::bit(64)) STORED;
