package io.zhihang.application.port.out;

import io.zhihang.domain.protocol.json.JsonObject;

import java.util.Optional;

/** Sync filters stored per user. */
public interface FilterRepository {
    /** The user's filter with this id; empty if unknown (or another user's). */
    Optional<JsonObject> find(String userId, String filterId);

    /** Stores the filter and returns its id; a filter the user stored before (same canonical JSON) keeps its id. */
    String save(String userId, JsonObject filter);
}
