-- Every unit finishes its part (issue 12): tasks are edited and cancelled rather than deleted once
-- work exists, and a task may let a unit report done while photos are still missing (the assignment
-- then shows that it was reported without them).

-- A cancelled task leaves the units' lists, the board and the reminders, but keeps its work and history.
ALTER TABLE tasks ADD COLUMN cancelled_at timestamptz;
ALTER TABLE tasks ADD COLUMN cancelled_by uuid REFERENCES members (id);
ALTER TABLE tasks ADD COLUMN cancel_reason text CHECK (cancel_reason IS NULL OR char_length(cancel_reason) <= 500);
ALTER TABLE tasks ADD COLUMN allow_done_without_photos boolean NOT NULL DEFAULT false;
