-- The seed API's message_type filter (issue 7): each indexed message body records its type (text, image, video,
-- audio, file, gif; NULL for room names and topics). PostgreSQL fills it for rows indexed before (V19_1); on H2 such
-- rows keep NULL and only a search without message_type finds them.
ALTER TABLE event_search ADD COLUMN message_type VARCHAR(16);
