-- Each ward sends through its own OA, and each OA has its own per-minute window: the shared request
-- counts are kept per OA (issue 12), so one ward's burst does not hold another ward's sends. Counts
-- written before this change name no OA ('') and age out of the window within a minute.
ALTER TABLE oa_request_seconds ADD COLUMN oa_id text NOT NULL DEFAULT '';
ALTER TABLE oa_request_seconds DROP CONSTRAINT oa_request_seconds_pkey;
ALTER TABLE oa_request_seconds ADD PRIMARY KEY (second, owner, oa_id);
