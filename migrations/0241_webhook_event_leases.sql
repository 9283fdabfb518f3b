-- Webhook events are claimed under a short lease kept alive by a heartbeat (zalo/webhook-processor.ts),
-- so an event whose instance died is taken again within seconds. The claim looks for every event not
-- yet processed whose time has come: waiting, failed (its retry is due) or processing (its lease ran
-- out). The old index left 'processing' out, so the claim read the whole table each time.
DROP INDEX IF EXISTS webhook_events_pending;
CREATE INDEX webhook_events_due ON webhook_events (next_attempt_at) WHERE status <> 'processed';
