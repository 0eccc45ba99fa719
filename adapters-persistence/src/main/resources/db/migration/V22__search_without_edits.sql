-- Issue 15: a message is searched in its latest version; an edit (m.replace) has no search entry of its own (its
-- text replaces the message's). Edits indexed before this lose their entries; the messages they edited keep the text
-- they were indexed with until they are edited again.
DELETE FROM event_search WHERE event_id IN (SELECT event_id FROM events WHERE rel_type = 'm.replace');
