-- Accounts, devices, access-token grants, profiles and User-Interactive Authentication sessions.
-- Portable between H2 2.x and PostgreSQL 15+.

CREATE TABLE users (
    user_id        VARCHAR(255) PRIMARY KEY,
    password_hash  VARCHAR(255),
    admin          BOOLEAN NOT NULL DEFAULT FALSE,
    deactivated    BOOLEAN NOT NULL DEFAULT FALSE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE devices (
    user_id        VARCHAR(255) NOT NULL REFERENCES users (user_id),
    device_id      VARCHAR(255) NOT NULL,
    display_name   VARCHAR(255),
    last_seen_ip   VARCHAR(64),
    last_seen_ts   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (user_id, device_id)
);

CREATE TABLE access_tokens (
    token_id            VARCHAR(64) PRIMARY KEY,
    user_id             VARCHAR(255) NOT NULL REFERENCES users (user_id),
    device_id           VARCHAR(255) NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE,
    refresh_token_hash  VARCHAR(64) UNIQUE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX access_tokens_device ON access_tokens (user_id, device_id);

CREATE TABLE profiles (
    user_id       VARCHAR(255) PRIMARY KEY REFERENCES users (user_id),
    displayname   VARCHAR(256),
    avatar_url    VARCHAR(1000)
);

CREATE TABLE uia_sessions (
    session_id    VARCHAR(64) PRIMARY KEY,
    purpose       VARCHAR(64) NOT NULL,
    bound_user    VARCHAR(255),
    completed     VARCHAR(1000) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
