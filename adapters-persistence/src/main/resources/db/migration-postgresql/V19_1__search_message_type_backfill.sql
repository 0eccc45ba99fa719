-- PostgreSQL only: the message type of bodies indexed before V19, read from the stored events' JSON.
UPDATE event_search s
   SET message_type = CASE
           WHEN e.j -> 'content' ->> 'msgtype' = 'm.image'
                AND lower(e.j -> 'content' -> 'info' ->> 'mimetype') = 'image/gif' THEN 'gif'
           WHEN e.j -> 'content' ->> 'msgtype' = 'm.image' THEN 'image'
           WHEN e.j -> 'content' ->> 'msgtype' = 'm.video' THEN 'video'
           WHEN e.j -> 'content' ->> 'msgtype' = 'm.audio' THEN 'audio'
           WHEN e.j -> 'content' ->> 'msgtype' = 'm.file' THEN 'file'
           ELSE 'text' END
  FROM (SELECT event_id, json::jsonb AS j FROM events WHERE type = 'm.room.message') e
 WHERE e.event_id = s.event_id AND s.field = 'content.body';
