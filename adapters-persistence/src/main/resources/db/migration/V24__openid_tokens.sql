-- OpenID tokens (POST /user/{userId}/openid/request_token), which third parties exchange for the user id at
-- GET /_matrix/federation/v1/openid/userinfo until they expire.
CREATE TABLE openid_tokens (
    token       VARCHAR(128)             PRIMARY KEY,
    user_id     VARCHAR(255)             NOT NULL REFERENCES users (user_id),
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX openid_tokens_expiry ON openid_tokens (expires_at);
