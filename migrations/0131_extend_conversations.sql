-- The OA chatbot and the staff inbox (owned by the conversations feature).
-- A conversation is with the bot or with staff; while with staff the bot stays quiet in it.
ALTER TABLE conversations
  ADD COLUMN status text NOT NULL DEFAULT 'bot' CHECK (status IN ('bot', 'staff')),
  ADD COLUMN display_name text,
  ADD COLUMN handover_reason text,
  ADD COLUMN unread_count integer NOT NULL DEFAULT 0 CHECK (unread_count >= 0),
  ADD COLUMN last_inbound_at timestamptz,           -- the person's last message: the 7-day window's start
  ADD COLUMN resolved_at timestamptz,
  ADD COLUMN resolved_by uuid REFERENCES members (id);
CREATE INDEX conversations_inbox ON conversations (ward_id, status, last_message_at DESC);

-- Every message in and out. Outgoing rows are the reply ledger: one row per dedupe key (the incoming
-- event and the reply's number, or the staff member's request id), sent by the reply sender
-- `queued → sending → sent | failed`; a send interrupted by a crash is reconciled against the OA's
-- conversation before anything is sent again.
ALTER TABLE conversation_messages
  ADD COLUMN dedupe_key text,
  ADD COLUMN author text NOT NULL DEFAULT 'person' CHECK (author IN ('person', 'bot', 'staff')),
  ADD COLUMN author_member_id uuid REFERENCES members (id),
  ADD COLUMN zalo_user_id text,
  ADD COLUMN status text CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
  ADD COLUMN attempts integer NOT NULL DEFAULT 0,
  ADD COLUMN next_attempt_at timestamptz,
  ADD COLUMN lease_until timestamptz,
  ADD COLUMN lease_owner text,
  ADD COLUMN claimed_at timestamptz,
  ADD COLUMN zalo_message_id text,
  ADD COLUMN error_code text,
  ADD COLUMN error_reason text,
  ADD COLUMN sent_at timestamptz,
  ADD CONSTRAINT conversation_messages_dedupe UNIQUE (ward_id, dedupe_key),
  ADD CONSTRAINT conversation_messages_out_status CHECK ((direction = 'out') = (status IS NOT NULL));
CREATE INDEX conversation_replies_due ON conversation_messages (next_attempt_at)
  WHERE status IN ('queued', 'sending');
