-- A refreshed grant names its predecessor, which stays valid until the new grant is first used (spec: POST /refresh).
ALTER TABLE access_tokens ADD COLUMN previous_token_id VARCHAR(64);
CREATE INDEX access_tokens_previous ON access_tokens (previous_token_id);
