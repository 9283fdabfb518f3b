-- Image attachments of incoming Zalo events are downloaded at once (their CDN URLs expire); the stored
-- files' paths, relative to DATA_DIR, in attachment order.
ALTER TABLE webhook_events ADD COLUMN media_paths text[] NOT NULL DEFAULT '{}';
