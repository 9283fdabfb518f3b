-- Acknowledging and reporting change an assignment's status many times a day. With status inside an
-- index every such update writes new entries in all three indexes; without it, and with room left in
-- each page, Postgres updates the row in place (a HOT update) and touches no index. The team's list
-- filters on unit_id only, so the narrower index serves it as well.
DROP INDEX assignments_unit;
CREATE INDEX assignments_unit ON assignments (unit_id);
ALTER TABLE assignments SET (fillfactor = 80);
