-- Issue 15: a redacted (recalled) event's notifications are deleted, as Synapse does, so that it no longer counts as
-- unread nor shows in /notifications. The primary key starts with user_id; this index finds an event's rows.
CREATE INDEX event_push_actions_event ON event_push_actions (event_id);
