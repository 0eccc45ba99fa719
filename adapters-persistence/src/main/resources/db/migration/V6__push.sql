-- Push: what users changed in their push rules, the notifications push rules gave them, and their pushers.
-- Portable between H2 2.x and PostgreSQL 15+.

-- One document per user who changed their push rules: their own rules and their changes to the server-default ones,
-- as canonical JSON text. The version grows by one with every change (sync compares it).
CREATE TABLE push_rules (
    user_id    VARCHAR(255) PRIMARY KEY REFERENCES users (user_id),
    version    BIGINT       NOT NULL,
    rules      TEXT         NOT NULL
);

-- One row per user and event whose push rule actions include "notify" (Synapse's event_push_actions). thread_id is
-- 'main' or the thread root's event id. No foreign keys: rows are written in batches on the message hot path.
CREATE TABLE event_push_actions (
    user_id          VARCHAR(255) NOT NULL,
    room_id          VARCHAR(255) NOT NULL,
    event_id         VARCHAR(255) NOT NULL,
    stream_ordering  BIGINT       NOT NULL,
    notify           BOOLEAN      NOT NULL,
    highlight        BOOLEAN      NOT NULL,
    thread_id        VARCHAR(255) NOT NULL,
    actions          TEXT         NOT NULL,
    PRIMARY KEY (user_id, event_id)
);
CREATE INDEX event_push_actions_room ON event_push_actions (user_id, room_id, stream_ordering);
CREATE INDEX event_push_actions_stream ON event_push_actions (user_id, stream_ordering);

CREATE TABLE pushers (
    user_id              VARCHAR(255) NOT NULL REFERENCES users (user_id),
    app_id               VARCHAR(64)  NOT NULL,
    pushkey              VARCHAR(512) NOT NULL,
    kind                 VARCHAR(16)  NOT NULL,
    app_display_name     TEXT         NOT NULL,
    device_display_name  TEXT         NOT NULL,
    profile_tag          TEXT,
    lang                 TEXT         NOT NULL,
    data                 TEXT         NOT NULL,
    PRIMARY KEY (user_id, app_id, pushkey)
);
CREATE INDEX pushers_app_pushkey ON pushers (app_id, pushkey);
