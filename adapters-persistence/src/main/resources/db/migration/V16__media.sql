-- The local media repository (issue 6). The bytes live in a content-addressed store (files named by SHA-256);
-- these tables say what points at them.

-- One row per media id: a reservation from POST /_matrix/media/v1/create (sha256 NULL, unused_expires_ts set)
-- or uploaded content.
CREATE TABLE media (
    media_id          VARCHAR(255)  NOT NULL PRIMARY KEY,
    uploader          VARCHAR(255)  NOT NULL,
    created_ts        BIGINT        NOT NULL,
    unused_expires_ts BIGINT,
    content_type      VARCHAR(255),
    upload_name       VARCHAR(255),
    size_bytes        BIGINT,
    sha256            VARCHAR(64)
);
CREATE INDEX media_uploader ON media (uploader, unused_expires_ts);
CREATE INDEX media_sha256 ON media (sha256);

-- Thumbnails made so far: one per media and configured size (width x height, method).
CREATE TABLE media_thumbnails (
    media_id      VARCHAR(255) NOT NULL REFERENCES media (media_id) ON DELETE CASCADE,
    width         INT          NOT NULL,
    height        INT          NOT NULL,
    method        VARCHAR(8)   NOT NULL,
    content_type  VARCHAR(64)  NOT NULL,
    actual_width  INT          NOT NULL,
    actual_height INT          NOT NULL,
    sha256        VARCHAR(64)  NOT NULL,
    size_bytes    BIGINT       NOT NULL,
    PRIMARY KEY (media_id, width, height, method)
);
CREATE INDEX media_thumbnails_sha256 ON media_thumbnails (sha256);

-- Voice messages: an m.audio room message whose audio is local media.
CREATE TABLE voice_messages (
    event_id     VARCHAR(255) NOT NULL PRIMARY KEY,
    room_id      VARCHAR(255) NOT NULL,
    sender       VARCHAR(255) NOT NULL,
    media_id     VARCHAR(255) NOT NULL,
    content_type VARCHAR(255) NOT NULL,
    duration_ms  BIGINT       NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    created_ts   BIGINT       NOT NULL
);
CREATE INDEX voice_messages_sender ON voice_messages (sender, created_ts);
CREATE INDEX voice_messages_room ON voice_messages (room_id, created_ts);
