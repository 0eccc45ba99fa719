-- Private sessions (issue 17): which direct room is whose session, and the settings chosen when it was made (they are
-- also the room's io.zhihang.private_session state event, which is what clients see). One row a session, written once
-- by the session service; whether a participant still has it is their membership of the room (deleting leaves it).
--   ttl_seconds  how long each message lives (null: until deleted)
--   auto_delete  deleting the session destroys its messages for both participants
--   created_ts   ms
-- Portable between H2 2.x and PostgreSQL 15+.
CREATE TABLE private_sessions (
    room_id      VARCHAR(255) PRIMARY KEY REFERENCES rooms (room_id),
    creator      VARCHAR(255) NOT NULL,
    target       VARCHAR(255) NOT NULL,
    name         VARCHAR(400),
    ttl_seconds  BIGINT,
    auto_delete  BOOLEAN      NOT NULL,
    created_ts   BIGINT       NOT NULL
);
CREATE INDEX private_sessions_creator ON private_sessions (creator, created_ts);
CREATE INDEX private_sessions_target ON private_sessions (target, created_ts);
