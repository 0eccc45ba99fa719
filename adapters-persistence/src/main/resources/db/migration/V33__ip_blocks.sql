-- Blocked address ranges (issue 18): requests from them are refused at the HTTP edge. One row per range.
--   range_text   the CIDR, canonical (network address masked, e.g. 203.0.113.0/24, 2001:db8::/32); single addresses
--                are /32 and /128
--   reason       what the admin wrote (null when none)
--   created_by   the admin who blocked it; null for an automatic block (reputation)
--   created_ts   ms
--   expires_ts   ms; null = until unblocked. Expired rows let traffic through and are deleted by housekeeping.
-- Portable between H2 2.x and PostgreSQL 15+.
CREATE TABLE ip_blocks (
    range_text  VARCHAR(64)   NOT NULL PRIMARY KEY,
    reason      VARCHAR(1000),
    created_by  VARCHAR(255),
    created_ts  BIGINT        NOT NULL,
    expires_ts  BIGINT
);
