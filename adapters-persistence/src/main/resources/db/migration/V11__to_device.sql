-- To-device messages: a per-device inbox, each message stamped with its position in the to-device stream, and the
-- stream's head, one row whose lock (taken by every sender and held until commit) hands out positions in commit
-- order. A sync acknowledges (deletes) a device's messages up to the position of its token. Transaction ids make a
-- retried send deliver nothing twice. Portable between H2 2.x and PostgreSQL 15+.

CREATE TABLE to_device_stream_head (
    id         INTEGER PRIMARY KEY,
    stream_id  BIGINT  NOT NULL
);
INSERT INTO to_device_stream_head (id, stream_id) VALUES (1, 0);

-- content is JSON text (client data: floats kept as sent).
CREATE TABLE device_inbox (
    user_id    VARCHAR(255) NOT NULL,
    device_id  VARCHAR(255) NOT NULL,
    stream_id  BIGINT       NOT NULL,
    sender     VARCHAR(255) NOT NULL,
    type       VARCHAR(255) NOT NULL,
    content    TEXT         NOT NULL,
    PRIMARY KEY (user_id, device_id, stream_id)
);

CREATE TABLE to_device_txns (
    user_id     VARCHAR(255)             NOT NULL,
    device_id   VARCHAR(255)             NOT NULL,
    txn_id      VARCHAR(255)             NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, device_id, txn_id)
);
CREATE INDEX to_device_txns_created ON to_device_txns (created_at);
