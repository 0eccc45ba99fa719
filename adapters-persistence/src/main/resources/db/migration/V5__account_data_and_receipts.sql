-- Account data (global and per room) and read receipts. Portable between H2 2.x and PostgreSQL 15+.
-- Each write takes the next position of its stream in userdata_streams, under that row's lock, which is held until
-- commit: positions therefore commit in order, and sync can ask what changed after a position.

CREATE TABLE userdata_streams (
    stream         VARCHAR(32) PRIMARY KEY,
    last_position  BIGINT      NOT NULL
);
INSERT INTO userdata_streams (stream, last_position) VALUES ('account_data', 0);
INSERT INTO userdata_streams (stream, last_position) VALUES ('receipts', 0);

-- room_id is '' for global account data; content (JSON text) is NULL once the entry was deleted (MSC3391).
CREATE TABLE account_data (
    user_id    VARCHAR(255) NOT NULL,
    room_id    VARCHAR(255) NOT NULL,
    type       VARCHAR(255) NOT NULL,
    stream_id  BIGINT       NOT NULL,
    content    TEXT,
    PRIMARY KEY (user_id, room_id, type)
);
CREATE INDEX account_data_user_stream ON account_data (user_id, stream_id);

-- One receipt per (room, type, user, thread); thread_id is '' for an unthreaded receipt. event_ordering is the
-- stream ordering of the event read up to (unread counts compare against it).
CREATE TABLE receipts (
    room_id         VARCHAR(255) NOT NULL REFERENCES rooms (room_id),
    receipt_type    VARCHAR(32)  NOT NULL,
    user_id         VARCHAR(255) NOT NULL,
    thread_id       VARCHAR(255) NOT NULL,
    event_id        VARCHAR(255) NOT NULL,
    event_ordering  BIGINT       NOT NULL,
    ts              BIGINT       NOT NULL,
    stream_id       BIGINT       NOT NULL,
    PRIMARY KEY (room_id, receipt_type, user_id, thread_id)
);
CREATE INDEX receipts_room_stream ON receipts (room_id, stream_id);
CREATE INDEX receipts_user_room ON receipts (user_id, room_id);
