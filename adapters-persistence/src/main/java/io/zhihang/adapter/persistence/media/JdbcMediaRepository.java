package io.zhihang.adapter.persistence.media;

import io.agroal.api.AgroalDataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.adapter.persistence.PlainSql;
import io.zhihang.application.port.out.media.MediaAdminRepository;
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
import java.util.Collection;
import java.util.Locale;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Media metadata in plain JDBC: one narrow table, read by primary key; the table's one writer, for clients and for
 * the admin API alike. Quarantined media is not found by {@link #find}, so it is served to nobody.
 */
@ApplicationScoped
public class JdbcMediaRepository implements MediaRepository, MediaAdminRepository {
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
              FROM media WHERE media_id = ? AND quarantined_by IS NULL""";
    private static final String ADMIN_COLUMNS = """
            media_id, uploader, created_ts, content_type, upload_name, size_bytes, sha256, quarantined_by,
            safe_from_quarantine""";
    private static final String ADMIN_FIND = "SELECT " + ADMIN_COLUMNS
            + " FROM media WHERE media_id = ? AND sha256 IS NOT NULL";
    private static final String UPLOADED_BY = "SELECT " + ADMIN_COLUMNS
            + " FROM media WHERE uploader = ? AND sha256 IS NOT NULL ORDER BY %s, media_id ASC LIMIT ? OFFSET ?";
    private static final String COUNT_UPLOADED_BY =
            "SELECT COUNT(*) FROM media WHERE uploader = ? AND sha256 IS NOT NULL";
    private static final String QUARANTINE = """
            UPDATE media SET quarantined_by = ?
             WHERE media_id IN (%s) AND sha256 IS NOT NULL AND quarantined_by IS NULL
               AND safe_from_quarantine = FALSE""";
    private static final String QUARANTINE_UPLOADED_BY = """
            UPDATE media SET quarantined_by = ?
             WHERE uploader = ? AND sha256 IS NOT NULL AND quarantined_by IS NULL AND safe_from_quarantine = FALSE""";
    private static final String UNQUARANTINE =
            "UPDATE media SET quarantined_by = NULL WHERE media_id = ? AND sha256 IS NOT NULL";
    private static final String PROTECT =
            "UPDATE media SET safe_from_quarantine = ? WHERE media_id = ? AND sha256 IS NOT NULL";
    private static final String OLD_UNPROTECTED = """
            SELECT media_id FROM media
             WHERE sha256 IS NOT NULL AND created_ts < ? AND size_bytes > ? AND safe_from_quarantine = FALSE
             ORDER BY created_ts, media_id""";
    private static final String USAGE = """
            SELECT m.uploader, p.displayname, COUNT(*) AS media_count, SUM(m.size_bytes) AS media_length
              FROM media m LEFT JOIN profiles p ON p.user_id = m.uploader
             WHERE m.sha256 IS NOT NULL AND m.created_ts >= ? AND m.created_ts <= ?
               AND (? = '' OR LOWER(m.uploader) LIKE ? OR LOWER(p.displayname) LIKE ?)
             GROUP BY m.uploader, p.displayname""";
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

    @Override
    public Optional<StoredMedia> findStored(MediaId mediaId) {
        return sql.list(ADMIN_FIND, JdbcMediaRepository::stored, mediaId.value()).stream().findFirst();
    }

    @Override
    public MediaPage uploadedBy(UserId uploader, MediaOrder order, boolean backwards, int from, int limit) {
        String direction = backwards ? " DESC NULLS FIRST" : " ASC NULLS LAST";
        List<StoredMedia> page = sql.list(UPLOADED_BY.formatted(column(order) + direction),
                JdbcMediaRepository::stored, uploader.toString(), limit, from);
        long total = sql.list(COUNT_UPLOADED_BY, row -> row.getLong(1), uploader.toString()).getFirst();
        return new MediaPage(page, total);
    }

    @Override
    public int quarantine(Collection<MediaId> mediaIds, UserId by) {
        int changed = 0;
        for (List<MediaId> chunk : PlainSql.chunks(mediaIds)) {
            Object[] params = new Object[chunk.size() + 1];
            params[0] = by.toString();
            for (int i = 0; i < chunk.size(); i++) {
                params[i + 1] = chunk.get(i).value();
            }
            changed += sql.update(QUARANTINE.formatted(PlainSql.placeholders(chunk.size())), params);
        }
        return changed;
    }

    @Override
    public int quarantineUploadedBy(UserId uploader, UserId by) {
        return sql.update(QUARANTINE_UPLOADED_BY, by.toString(), uploader.toString());
    }

    @Override
    public boolean unquarantine(MediaId mediaId) {
        return sql.update(UNQUARANTINE, mediaId.value()) == 1;
    }

    @Override
    public boolean protect(MediaId mediaId, boolean safe) {
        return sql.update(PROTECT, safe, mediaId.value()) == 1;
    }

    @Override
    public List<MediaId> unprotectedCreatedBefore(Instant before, long sizeGt) {
        return sql.list(OLD_UNPROTECTED, row -> new MediaId(row.getString(1)), before.toEpochMilli(), sizeGt);
    }

    @Override
    public UsagePage usage(UsageQuery query) {
        String term = query.searchTerm() == null ? "" : query.searchTerm().toLowerCase(Locale.ROOT);
        String like = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        Object[] filter = {query.fromTs() == null ? 0L : query.fromTs(),
                query.untilTs() == null ? Long.MAX_VALUE : query.untilTs(), term, like, like};
        String direction = query.backwards() ? " DESC NULLS FIRST" : " ASC NULLS LAST";
        String order = switch (query.order()) {
            case USER_ID -> "m.uploader";
            case DISPLAYNAME -> "p.displayname";
            case MEDIA_LENGTH -> "media_length";
            case MEDIA_COUNT -> "media_count";
        };
        Object[] paged = new Object[filter.length + 2];
        System.arraycopy(filter, 0, paged, 0, filter.length);
        paged[filter.length] = query.limit();
        paged[filter.length + 1] = query.from();
        List<UserUsage> users = sql.list(USAGE + " ORDER BY " + order + direction + ", m.uploader ASC LIMIT ? OFFSET ?",
                row -> new UserUsage(UserId.parse(row.getString(1)), row.getString(2), row.getLong(3),
                        row.getLong(4)), paged);
        long total = sql.list("SELECT COUNT(*) FROM (" + USAGE + ") grouped", row -> row.getLong(1), filter)
                .getFirst();
        return new UsagePage(users, total);
    }

    private static String column(MediaOrder order) {
        return switch (order) {
            case MEDIA_ID, LAST_ACCESS_TS -> "media_id";
            case UPLOAD_NAME -> "upload_name";
            case CREATED_TS -> "created_ts";
            case MEDIA_LENGTH -> "size_bytes";
            case MEDIA_TYPE -> "content_type";
            case QUARANTINED_BY -> "quarantined_by";
            case SAFE_FROM_QUARANTINE -> "safe_from_quarantine";
        };
    }

    private static StoredMedia stored(ResultSet row) throws SQLException {
        String quarantinedBy = row.getString("quarantined_by");
        return new StoredMedia(new MediaId(row.getString("media_id")), UserId.parse(row.getString("uploader")),
                row.getString("content_type"), row.getLong("size_bytes"),
                Optional.ofNullable(row.getString("upload_name")), Instant.ofEpochMilli(row.getLong("created_ts")),
                Optional.ofNullable(quarantinedBy).map(UserId::parse), row.getBoolean("safe_from_quarantine"),
                row.getString("sha256"));
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
