-- The URL preview cache (Synapse's local_media_repository_url_cache): each preview made of a URL, when, until when it
-- is served, the Open Graph JSON clients get and the media id of the image copied for it. Rows are looked up by the
-- SHA-256 of the URL (a URL may be longer than an index entry may be); the hourly housekeeping forgets rows (and their
-- images) after two days. Portable between H2 2.x and PostgreSQL 15+.

CREATE TABLE url_previews (
    url_sha256     VARCHAR(64)   NOT NULL,
    url            VARCHAR(2048) NOT NULL,
    downloaded_ts  BIGINT        NOT NULL,
    expires_ts     BIGINT        NOT NULL,
    og             TEXT          NOT NULL,
    image_media_id VARCHAR(255)
);
CREATE INDEX url_previews_by_url ON url_previews (url_sha256, downloaded_ts);
CREATE INDEX url_previews_by_age ON url_previews (downloaded_ts);
