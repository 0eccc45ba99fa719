package io.zhihang.application.port.in.admin.notices;

import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /_synapse/admin/v1/send_server_notice} (or {@code PUT …/{txnId}}): the notice {@code content} of
 * {@code type} (default {@code m.room.message}) for {@code userId}; a state event when {@code stateKey} is set.
 * {@code txnId} is null for the POST form.
 */
public record SendServerNoticeCommand(String userId, JsonObject content, String type, String stateKey, String txnId) {
    public static final String DEFAULT_TYPE = "m.room.message";

    public SendServerNoticeCommand {
        List<String> missing = new ArrayList<>();
        if (userId == null) {
            missing.add("'user_id'");
        }
        if (content == null) {
            missing.add("'content'");
        }
        if (!missing.isEmpty()) {
            // Synapse's assert_params_in_dict wording.
            throw DomainException.missingParam("Missing params: [" + String.join(", ", missing) + "]");
        }
        type = type == null ? DEFAULT_TYPE : type;
    }
}
