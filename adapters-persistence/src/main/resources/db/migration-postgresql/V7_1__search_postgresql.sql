-- PostgreSQL only: this folder is in quarkus.flyway."pg".locations, not in H2's. docs/adr/0005-search.md.

-- Full-text search over event_search.words. The 'simple' configuration (no stemming, no stop words) keeps the words
-- as the application cut them, so prefix queries ('word':*) behave as on H2 and for every language.
ALTER TABLE event_search ADD COLUMN vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', words)) STORED;
CREATE INDEX event_search_vector ON event_search USING GIN (vector);

-- The history of one piece of state (a user's membership, the history visibility) is read for every search result
-- and history page; a partial index over state events alone costs message inserts nothing.
CREATE INDEX events_state_history ON events (room_id, type, state_key, stream_ordering) WHERE state_key IS NOT NULL;
