package io.zhihang.application.port.in.filter;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.filter.Filter;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.UserId;

public interface FilterQueries {
    /** {@code GET /user/{userId}/filter/{filterId}}: the filter as stored; only one's own ({@code 403}); unknown: 404. */
    JsonObject filter(Requester requester, UserId target, String filterId);

    /**
     * The filter of sync's {@code filter} parameter, as Synapse reads it: null is {@link Filter#DEFAULT}; text
     * starting with {@code {} is an inline filter ({@code 400 M_NOT_JSON} if it is not JSON, {@code M_BAD_JSON} /
     * {@code M_INVALID_PARAM} if it is not a valid filter); anything else is the id of one of the user's stored
     * filters ({@code 400 M_INVALID_PARAM} "No such filter" when unknown, as Synapse's {@code /sync} answers).
     */
    Filter resolve(String userId, String filterParam);
}
