-- PostgreSQL only: the history visibility of rooms created before V25, read from their current state's events.
INSERT INTO room_join_rules (room_id, join_rule, history_visibility)
SELECT c.room_id, NULL, e.json::jsonb -> 'content' ->> 'history_visibility'
  FROM current_state c JOIN events e ON e.event_id = c.event_id
 WHERE c.type = 'm.room.history_visibility' AND c.state_key = ''
ON CONFLICT (room_id) DO UPDATE SET history_visibility = EXCLUDED.history_visibility;
