package io.zhihang.application.port.in.userdata;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonObject;

/**
 * Account data ({@code /user/{userId}/account_data/{type}} and {@code /user/{userId}/rooms/{roomId}/account_data/{type}}):
 * only the user themself may read or write theirs ({@code 403 M_FORBIDDEN}, admins included, as in Synapse).
 * {@code roomId} is null for global account data; a malformed one is {@code 400 M_INVALID_PARAM}.
 */
public interface AccountDataUseCase {
    /** The content; {@code 404 M_NOT_FOUND} if none was set or it was deleted. */
    JsonObject get(Requester requester, String userId, String roomId, String type);

    /**
     * Sets the content. {@code m.fully_read} and {@code m.push_rules} have their own endpoints:
     * {@code 405 M_BAD_JSON}.
     */
    void put(Requester requester, String userId, String roomId, String type, JsonObject content);

    /** Deletes the entry (MSC3391); sync then shows it with empty content. Deleting what is not there is fine. */
    void delete(Requester requester, String userId, String roomId, String type);
}
