-- The device-list stream: whose devices, device keys or cross-signing keys changed, at which position.
-- audience '' means everyone sharing a room with user_id (and user_id's own devices); otherwise only that user
-- (a user-signing signature is news to the signer alone).
CREATE TABLE device_list_changes (
    stream_id  BIGINT       NOT NULL,
    user_id    VARCHAR(255) NOT NULL,
    audience   VARCHAR(255) NOT NULL,
    PRIMARY KEY (stream_id, user_id, audience)
);
CREATE INDEX device_list_changes_user ON device_list_changes (user_id, stream_id);
CREATE INDEX device_list_changes_audience ON device_list_changes (audience, stream_id);

CREATE TABLE device_list_stream_head (
    id         INTEGER PRIMARY KEY,
    stream_id  BIGINT  NOT NULL
);
INSERT INTO device_list_stream_head (id, stream_id) VALUES (1, 0);
