-- PostgreSQL only (H2 has no partial indexes). Most events relate to nothing, so the relations index only needs the
-- events that do: a plain message then costs one index insertion less. Lookups are by relates_to = ?, which implies
-- relates_to IS NOT NULL, so the planner uses this index for them as it did the full one.
DROP INDEX events_relations;
CREATE INDEX events_relations ON events (relates_to, rel_type) WHERE relates_to IS NOT NULL;
