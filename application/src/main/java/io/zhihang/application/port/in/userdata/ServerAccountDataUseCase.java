package io.zhihang.application.port.in.userdata;

import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.UserId;

/**
 * Global account data the server itself keeps current for a user (the friend layer's requests, blocks made through
 * the enhanced API): the same write as a client's, so the user's {@code /sync} wakes and carries it. For use inside
 * a service's transaction; no ownership check (the caller has made its own).
 */
public interface ServerAccountDataUseCase {
    /** Stores the content if it differs from the current one. */
    void put(UserId user, String type, JsonObject content);
}
