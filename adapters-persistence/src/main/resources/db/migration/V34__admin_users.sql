-- The admin API's user controls (issue 18).
-- shadow_banned_users: users a server admin shadow-banned (POST /_synapse/admin/v1/users/{id}/shadow_ban). Their
-- room messages are answered with an event id but never stored nor sent, as Synapse does. One row a user.
CREATE TABLE shadow_banned_users (
    user_id    VARCHAR(255)             PRIMARY KEY REFERENCES users (user_id),
    banned_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
-- ratelimit_overrides: Synapse's per-user rate limit override (/_synapse/admin/v1/users/{id}/override_ratelimit).
-- messages_per_second = 0 and burst_count = 0 exempt the user from per-user rate limits.
CREATE TABLE ratelimit_overrides (
    user_id              VARCHAR(255) PRIMARY KEY REFERENCES users (user_id),
    messages_per_second  INTEGER      NOT NULL,
    burst_count          INTEGER      NOT NULL
);
