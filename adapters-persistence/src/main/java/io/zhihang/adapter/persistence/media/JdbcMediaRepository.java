package io.zhihang.adapter.persistence.media;

import io.agroal.api.AgroalDataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.adapter.persistence.PlainSql;
import io.zhihang.application.port.out.media.MediaRepository;
import io.zhihang.domain.media.MediaContentType;
import io.zhihang.domain.media.MediaEntry;
import io.zhihang.domain.media.MediaId;
import io.zhihang.domain.media.MediaInfo;
import io.zhihang.domain.media.PendingMedia;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Media metadata in plain JDBC: one narrow table, read by primary key. */
@ApplicationScoped
public class JdbcMediaRepository implements MediaRepository {
    private static final String INSERT = """
            INSERT INTO media (media_id, uploader, created_ts, content_type, upload_name, size_bytes, sha256)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";
    private static final String RESERVE = """
            INSERT INTO media (media_id, uploader, created_ts, unused_expires_ts) VALUES (?, ?, ?, ?)""";
    private static final String FILL = """
            UPDATE media SET content_type = ?, upload_name = ?, size_bytes = ?, sha256 = ?, created_ts = ?,
                   unused_expires_ts = NULL
             WHERE media_id = ? AND sha256 IS NULL""";
    private static final String FIND = """
            SELECT media_id, uploader, created_ts, unused_expires_ts, content_type, upload_name, size_bytes, sha256
              FROM media WHERE media_id = ?""";
    private static final String PENDING = """
            SELECT COUNT(*), MIN(unused_expires_ts) FROM media
             WHERE uploader = ? AND sha256 IS NULL AND unused_expires_ts > ?""";
    private static final String LAPSED = "DELETE FROM media WHERE sha256 IS NULL AND unused_expires_ts <= ?";
    private static final String SHA_OF = "SELECT sha256 FROM media WHERE media_id = ?";
    private static final String DELETE_THUMBNAILS = "DELETE FROM media_thumbnails WHERE media_id = ?";
    private static final String THUMBNAIL_SHAS = "SELECT sha256 FROM media_thumbnails WHERE media_id = ?";
    private static final String DELETE = "DELETE FROM media WHERE media_id = ?";
    private static final String REFERENCED = """
            SELECT 1 FROM media WHERE sha256 = ?
             UNION ALL SELECT 1 FROM media_thumbnails WHERE sha256 = ?""";

    private final PlainSql sql;

    JdbcMediaRepository(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources) {
        this.sql = new PlainSql(unit, dataSources);
    }

    @Override
    public void insert(MediaInfo media) {
        sql.update(INSERT, media.mediaId().value(), media.uploader().toString(), media.createdAt().toEpochMilli(),
                media.contentType().value(), media.uploadName().orElse(null), media.size(), media.sha256());
    }

    @Override
    public void reserve(PendingMedia pending) {
        sql.update(RESERVE, pending.mediaId().value(), pending.creator().toString(),
                pending.createdAt().toEpochMilli(), pending.unusedExpiresAt().toEpochMilli());
    }

    @Override
    public boolean fill(MediaInfo media) {
        return sql.update(FILL, media.contentType().value(), media.uploadName().orElse(null), media.size(),
                media.sha256(), media.createdAt().toEpochMilli(), media.mediaId().value()) == 1;
    }

    @Override
    public Optional<MediaEntry> find(MediaId mediaId) {
        return sql.list(FIND, JdbcMediaRepository::entry, mediaId.value()).stream().findFirst();
    }

    @Override
    public PendingUploads pending(UserId user, Instant now) {
        return sql.list(PENDING, row -> new PendingUploads(row.getInt(1),
                        row.getObject(2) == null ? now : Instant.ofEpochMilli(row.getLong(2))),
                user.toString(), now.toEpochMilli()).getFirst();
    }

    @Override
    public int deleteLapsed(Instant now) {
        return sql.update(LAPSED, now.toEpochMilli());
    }

    @Override
    public List<String> delete(MediaId mediaId) {
        List<String> shas = new ArrayList<>();
        sql.list(SHA_OF, row -> row.getString(1), mediaId.value()).stream().filter(Objects::nonNull)
                .forEach(shas::add);
        shas.addAll(sql.list(THUMBNAIL_SHAS, row -> row.getString(1), mediaId.value()));
        sql.update(DELETE_THUMBNAILS, mediaId.value());
        sql.update(DELETE, mediaId.value());
        return shas;
    }

    @Override
    public boolean referenced(String sha256) {
        return !sql.list(REFERENCED, row -> row.getInt(1), sha256, sha256).isEmpty();
    }

    private static MediaEntry entry(ResultSet row) throws SQLException {
        MediaId id = new MediaId(row.getString("media_id"));
        UserId uploader = UserId.parse(row.getString("uploader"));
        Instant created = Instant.ofEpochMilli(row.getLong("created_ts"));
        String sha256 = row.getString("sha256");
        if (sha256 == null) {
            return new PendingMedia(id, uploader, created, Instant.ofEpochMilli(row.getLong("unused_expires_ts")));
        }
        return new MediaInfo(id, uploader, MediaContentType.declared(row.getString("content_type")),
                row.getLong("size_bytes"), Optional.ofNullable(row.getString("upload_name")), sha256, created);
    }
}
