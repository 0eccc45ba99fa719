package io.zhihang.adapter.persistence.media;

import io.agroal.api.AgroalDataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.adapter.persistence.PlainSql;
import io.zhihang.application.port.out.media.MediaThumbnailRepository;
import io.zhihang.domain.media.MediaId;
import io.zhihang.domain.media.ThumbnailSize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.util.Locale;
import java.util.Optional;

/**
 * Thumbnails made so far. The insert only happens when none is there ({@code INSERT … SELECT … WHERE NOT EXISTS})
 * and the media still exists; two renders racing to the primary key fail one insert, which the caller ignores.
 */
@ApplicationScoped
public class JdbcMediaThumbnailRepository implements MediaThumbnailRepository {
    private static final String FIND = """
            SELECT sha256, size_bytes, content_type, actual_width, actual_height FROM media_thumbnails
             WHERE media_id = ? AND width = ? AND height = ? AND method = ?""";
    private static final String SAVE = """
            INSERT INTO media_thumbnails (media_id, width, height, method, content_type, actual_width, actual_height,
                                          sha256, size_bytes)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? FROM media m WHERE m.media_id = ? AND NOT EXISTS (
                SELECT 1 FROM media_thumbnails t
                 WHERE t.media_id = ? AND t.width = ? AND t.height = ? AND t.method = ?)""";

    private final PlainSql sql;

    JdbcMediaThumbnailRepository(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources) {
        this.sql = new PlainSql(unit, dataSources);
    }

    @Override
    public Optional<StoredThumbnail> find(MediaId mediaId, ThumbnailSize size) {
        return sql.list(FIND, row -> new StoredThumbnail(row.getString(1), row.getLong(2), row.getString(3),
                        row.getInt(4), row.getInt(5)),
                mediaId.value(), size.width(), size.height(), method(size)).stream().findFirst();
    }

    @Override
    public void save(MediaId mediaId, ThumbnailSize size, StoredThumbnail thumbnail) {
        sql.update(SAVE, mediaId.value(), size.width(), size.height(), method(size), thumbnail.contentType(),
                thumbnail.width(), thumbnail.height(), thumbnail.sha256(), thumbnail.size(),
                mediaId.value(), mediaId.value(), size.width(), size.height(), method(size));
    }

    private static String method(ThumbnailSize size) {
        return size.method().name().toLowerCase(Locale.ROOT);
    }
}
