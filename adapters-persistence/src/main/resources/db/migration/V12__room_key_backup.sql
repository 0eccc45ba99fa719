-- Server-side key backups: the versions of each user's backup and the keys stored in them. Version numbers count up
-- per user and are never reused, so a deleted version keeps its row (deleted = TRUE) while its keys go. key_count
-- and etag are kept by the writers, which hold the user's row lock in users. key_json is the key as uploaded.
-- Portable between H2 2.x and PostgreSQL 15+.

CREATE TABLE room_key_backup_versions (
    user_id    VARCHAR(255) NOT NULL REFERENCES users (user_id),
    version    BIGINT       NOT NULL,
    algorithm  VARCHAR(255) NOT NULL,
    auth_data  TEXT         NOT NULL,
    key_count  BIGINT       NOT NULL,
    etag       BIGINT       NOT NULL,
    deleted    BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (user_id, version)
);

CREATE TABLE room_key_backup_keys (
    user_id              VARCHAR(255) NOT NULL,
    version              BIGINT       NOT NULL,
    room_id              VARCHAR(255) NOT NULL,
    session_id           VARCHAR(255) NOT NULL,
    first_message_index  BIGINT       NOT NULL,
    forwarded_count      BIGINT       NOT NULL,
    is_verified          BOOLEAN      NOT NULL,
    key_json             TEXT         NOT NULL,
    PRIMARY KEY (user_id, version, room_id, session_id),
    FOREIGN KEY (user_id, version) REFERENCES room_key_backup_versions (user_id, version)
);
