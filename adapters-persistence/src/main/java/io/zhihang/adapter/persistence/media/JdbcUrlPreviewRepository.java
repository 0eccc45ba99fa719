package io.zhihang.adapter.persistence.media;

import io.agroal.api.AgroalDataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.adapter.persistence.PlainSql;
import io.zhihang.application.port.out.media.UrlPreviewRepository;
import io.zhihang.domain.media.MediaId;
import io.zhihang.domain.media.preview.UrlPreview;
import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The URL preview cache in plain JDBC, keyed by the SHA-256 of the URL and the time of each preview. */
@ApplicationScoped
public class JdbcUrlPreviewRepository implements UrlPreviewRepository {
    private static final String COLUMNS = "url, downloaded_ts, expires_ts, og, image_media_id ";
    private static final String AT_OR_BEFORE = "SELECT " + COLUMNS + """
             FROM url_previews WHERE url_sha256 = ? AND url = ? AND downloaded_ts <= ?
             ORDER BY downloaded_ts DESC FETCH FIRST 1 ROWS ONLY""";
    private static final String AFTER = "SELECT " + COLUMNS + """
             FROM url_previews WHERE url_sha256 = ? AND url = ? AND downloaded_ts > ?
             ORDER BY downloaded_ts ASC FETCH FIRST 1 ROWS ONLY""";
    private static final String INSERT = """
            INSERT INTO url_previews (url_sha256, url, downloaded_ts, expires_ts, og, image_media_id)
            VALUES (?, ?, ?, ?, ?, ?)""";
    private static final String IMAGES_BEFORE = "SELECT image_media_id FROM url_previews WHERE downloaded_ts < ?";
    private static final String DELETE_BEFORE = "DELETE FROM url_previews WHERE downloaded_ts < ?";

    private final PlainSql sql;

    JdbcUrlPreviewRepository(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources) {
        this.sql = new PlainSql(unit, dataSources);
    }

    @Override
    public Optional<UrlPreview> find(String url, Instant at) {
        String hash = sha256(url);
        List<UrlPreview> before = sql.list(AT_OR_BEFORE, JdbcUrlPreviewRepository::preview, hash, url,
                at.toEpochMilli());
        if (!before.isEmpty()) {
            return Optional.of(before.getFirst());
        }
        return sql.list(AFTER, JdbcUrlPreviewRepository::preview, hash, url, at.toEpochMilli()).stream().findFirst();
    }

    @Override
    public void save(UrlPreview preview) {
        sql.update(INSERT, sha256(preview.url()), preview.url(), preview.downloadedAt().toEpochMilli(),
                preview.expiresAt().toEpochMilli(), CanonicalJson.encode(preview.openGraph()),
                preview.image().map(MediaId::value).orElse(null));
    }

    @Override
    public List<MediaId> deleteDownloadedBefore(Instant cutoff) {
        List<MediaId> images = sql.list(IMAGES_BEFORE, row -> row.getString(1), cutoff.toEpochMilli()).stream()
                .filter(Objects::nonNull).map(MediaId::new).toList();
        sql.update(DELETE_BEFORE, cutoff.toEpochMilli());
        return images;
    }

    private static UrlPreview preview(ResultSet row) throws SQLException {
        return new UrlPreview(row.getString(1), Instant.ofEpochMilli(row.getLong(2)),
                Instant.ofEpochMilli(row.getLong(3)), Json.parseObject(row.getString(4)),
                Optional.ofNullable(row.getString(5)).map(MediaId::new));
    }

    private static String sha256(String url) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(url.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
