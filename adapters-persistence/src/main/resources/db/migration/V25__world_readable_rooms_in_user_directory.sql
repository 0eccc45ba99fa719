-- The user directory also shows the members of world-readable rooms (Synapse's
-- is_room_world_readable_or_publicly_joinable): each room's current m.room.history_visibility, kept by the room
-- writer next to its join rule.
ALTER TABLE room_join_rules ADD COLUMN history_visibility VARCHAR(255);
