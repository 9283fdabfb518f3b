-- job_runs becomes the scheduler's claim table (server/src/plugins/scheduler.ts): every run of every
-- recurring job inserts (job_name, slot_at) first, so two instances never run the same slot, and the
-- latest slot tells a booting instance whether slots were missed. Old claims are pruned by slot time.
CREATE INDEX job_runs_slot_at ON job_runs (slot_at);
COMMENT ON TABLE job_runs IS 'One row per claimed run of a recurring job (job_name, slot_at); see plugins/scheduler.ts.';
