-- What a User-Interactive Authentication session remembers between requests, as Synapse's ui_auth_sessions do:
-- the parameters of the request that began it (JSON, without auth or password), a password's hash, and what the
-- completed operation produced (for registration the user id, so a repeated last request answers the same).
ALTER TABLE uia_sessions ADD COLUMN client_params TEXT;
ALTER TABLE uia_sessions ADD COLUMN password_hash VARCHAR(512);
ALTER TABLE uia_sessions ADD COLUMN result VARCHAR(255);
