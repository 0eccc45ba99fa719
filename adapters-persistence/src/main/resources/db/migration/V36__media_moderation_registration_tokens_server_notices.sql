-- Issue 18, part 3: what the admin API keeps about media, registration tokens and server notices.
-- Portable between H2 2.x and PostgreSQL 15+.

-- Media moderation (Synapse's local_media_repository columns of the same names):
--   quarantined_by        the admin who quarantined the media (null: served as usual); quarantined media is not served
--   safe_from_quarantine  protected: never quarantined, nor deleted by the bulk deletions
ALTER TABLE media ADD COLUMN quarantined_by VARCHAR(255);
ALTER TABLE media ADD COLUMN safe_from_quarantine BOOLEAN DEFAULT FALSE NOT NULL;

-- Registration tokens made by the admin API (tokens from the configuration are not stored).
--   uses_allowed  how many registrations may complete with it (null: unlimited)
--   completed     registrations completed with it
--   expiry_time   ms after which it is no longer valid (null: never)
CREATE TABLE registration_tokens (
    token        VARCHAR(64) NOT NULL PRIMARY KEY,
    uses_allowed INT,
    completed    INT         DEFAULT 0 NOT NULL,
    expiry_time  BIGINT
);

-- A registration in progress that passed the token stage holds one use of the token until it completes (the hold
-- becomes a completed use) or its UIA session expires (the hold stops counting). "pending" is the number of live
-- holds: those made less than a UIA session's lifetime ago.
CREATE TABLE registration_token_holds (
    session_id VARCHAR(255) NOT NULL PRIMARY KEY,
    token      VARCHAR(64)  NOT NULL REFERENCES registration_tokens (token) ON DELETE CASCADE,
    held_ts    BIGINT       NOT NULL
);
CREATE INDEX registration_token_holds_token ON registration_token_holds (token, held_ts);

-- Each user's server-notices room, created on the first notice sent to them.
CREATE TABLE server_notice_rooms (
    user_id VARCHAR(255) NOT NULL PRIMARY KEY,
    room_id VARCHAR(255) NOT NULL
);
CREATE INDEX server_notice_rooms_room ON server_notice_rooms (room_id);
