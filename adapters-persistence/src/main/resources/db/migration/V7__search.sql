-- Server-side search (POST /search) and the user directory; docs/adr/0005-search.md. Portable between H2 2.x and
-- PostgreSQL 15+; on PostgreSQL, db/migration-postgresql/V7_1 adds the full-text vector and its GIN index.

-- The searchable text of events (Synapse's event_search): one row per m.room.message body, m.room.name or
-- m.room.topic, written in the transaction that stores the event and deleted when the event is redacted. "words" is
-- the text in indexed form (lower-cased words separated by single spaces; Chinese and Japanese characters one word
-- each). "field" is the search key: content.body, content.name or content.topic.
CREATE TABLE event_search (
    event_id         VARCHAR(255) PRIMARY KEY,
    room_id          VARCHAR(255) NOT NULL,
    sender           VARCHAR(255) NOT NULL,
    field            VARCHAR(32)  NOT NULL,
    words            TEXT         NOT NULL,
    stream_ordering  BIGINT       NOT NULL
);
CREATE INDEX event_search_room ON event_search (room_id, stream_ordering);

-- Each room's current join rule (m.room.join_rules), kept by the room writer: the user directory shows the members
-- of rooms whose join rule is public.
CREATE TABLE room_join_rules (
    room_id    VARCHAR(255) PRIMARY KEY,
    join_rule  VARCHAR(255)
);
