-- Users who deactivated their account with erase: true. Their messages are shown pruned (as if redacted) to those who
-- were not in the room when they were sent (Synapse's erased users).
CREATE TABLE erased_users (
    user_id    VARCHAR(255)             PRIMARY KEY REFERENCES users (user_id),
    erased_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
