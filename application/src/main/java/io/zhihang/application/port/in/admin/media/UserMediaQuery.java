package io.zhihang.application.port.in.admin.media;

import io.zhihang.application.port.out.media.MediaAdminRepository.MediaOrder;
import io.zhihang.domain.shared.DomainException;

/**
 * Synapse's user media paging: {@code from} (an offset), {@code limit}, {@code order_by}, {@code dir}. Without
 * {@code order_by} and {@code dir}, the newest media comes first.
 */
public record UserMediaQuery(MediaOrder order, boolean backwards, int from, int limit) {
    public static final int DEFAULT_LIMIT = 100;

    public UserMediaQuery {
        if (from < 0) {
            throw DomainException.invalidParam("Query parameter from must be a string representing a positive integer.");
        }
        if (limit < 0) {
            throw DomainException.invalidParam("Query parameter limit must be a string representing a positive integer.");
        }
    }
}
