-- Guest accounts (POST /register?kind=guest): a guest may use only what Synapse allows guests, until it registers
-- a full account with its guest access token (the same user id, now with a password).
ALTER TABLE users ADD COLUMN guest BOOLEAN NOT NULL DEFAULT FALSE;
