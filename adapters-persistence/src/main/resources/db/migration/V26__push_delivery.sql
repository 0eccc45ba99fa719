-- HTTP push delivery (Synapse's pushers columns): each pusher walks its user's rows of event_push_actions after its
-- position, so what is recorded is delivered even after a crash, with no second copy of the notifications.
--   device_id             the device whose token set the pusher: deleting or logging out the device removes it
--   ts                    when it was set (ms; pushkey_ts in the gateway request)
--   last_stream_ordering  the last notification sent or skipped
--   failing_since         since when its gateway fails (ms), null when it does not
--   retry_at              when to try the failing gateway again (ms)
--   claimed_until         the instance sending its notifications holds it until then (ms)
-- Portable between H2 2.x and PostgreSQL 15+.
ALTER TABLE pushers ADD COLUMN device_id VARCHAR(255);
ALTER TABLE pushers ADD COLUMN ts BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE pushers ADD COLUMN last_stream_ordering BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE pushers ADD COLUMN failing_since BIGINT;
ALTER TABLE pushers ADD COLUMN retry_at BIGINT;
ALTER TABLE pushers ADD COLUMN claimed_until BIGINT;
CREATE INDEX pushers_user_device ON pushers (user_id, device_id);

-- Pushers set before delivery existed start now rather than pushing every notification they ever had.
UPDATE pushers SET last_stream_ordering = (SELECT COALESCE(MAX(stream_ordering), 0) FROM events);
