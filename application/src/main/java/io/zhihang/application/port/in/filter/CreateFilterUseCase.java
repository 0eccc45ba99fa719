package io.zhihang.application.port.in.filter;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.UserId;

public interface CreateFilterUseCase {
    /**
     * {@code POST /user/{userId}/filter}: checks the filter ({@code 400 M_BAD_JSON} / {@code M_INVALID_PARAM}) and
     * stores it for the user (only oneself: {@code 403}); the same filter stored twice keeps its first id.
     */
    String createFilter(Requester requester, UserId target, JsonObject filter);
}
