-- Issue 7: messages encrypted through the seed API, and self-destruct times.

-- One row per encrypted message: for 'simple' the sealed content (salt, nonce, ciphertext, KDF parameters as JSON;
-- never the password or the plaintext), for 'e2e' only the mark. sealed becomes NULL when the message destroys itself.
CREATE TABLE encrypted_messages (
    event_id        VARCHAR(255) NOT NULL PRIMARY KEY,
    room_id         VARCHAR(255) NOT NULL,
    sender          VARCHAR(255) NOT NULL,
    encryption_type VARCHAR(16)  NOT NULL,
    message_type    VARCHAR(16)  NOT NULL,
    sealed          TEXT,
    created_ts      BIGINT       NOT NULL
);

-- When messages destroy themselves; destroyed_ts is set (once, by whichever instance claims the row) when done.
CREATE TABLE self_destructs (
    event_id     VARCHAR(255) NOT NULL PRIMARY KEY,
    room_id      VARCHAR(255) NOT NULL,
    destruct_ts  BIGINT       NOT NULL,
    destroyed_ts BIGINT
);
CREATE INDEX self_destructs_due ON self_destructs (destruct_ts);
