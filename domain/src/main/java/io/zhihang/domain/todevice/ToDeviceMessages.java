package io.zhihang.domain.todevice;

import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.UserId;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code messages} of a send-to-device request, checked: per recipient, the content for each named device, or
 * for all of them ({@link #ALL_DEVICES}). Contents are kept as their stored text (client data: floats allowed, as
 * clients send them). As Synapse does, recipients whose user id is malformed are dropped, and {@code *} means all
 * devices only when it is the user's one key (next to named devices it names no device).
 */
public record ToDeviceMessages(Map<UserId, Targets> recipients) {
    public static final String ALL_DEVICES = "*";
    /** A content larger than this (as stored, in UTF-8 bytes) is refused: Synapse's limit for an event or EDU. */
    public static final int MAX_CONTENT_BYTES = 65_536;

    public ToDeviceMessages {
        recipients = Map.copyOf(recipients);
    }

    /**
     * The devices one recipient's messages go to.
     *
     * @param allDevices the content every device of the user gets, or null when devices are named
     * @param byDevice   the content per named device id (empty when {@code allDevices} is given)
     */
    public record Targets(String allDevices, Map<String, String> byDevice) {
        public Targets {
            byDevice = Map.copyOf(byDevice);
        }
    }

    /** @param messages the request's {@code messages} member: an object of user ids, each an object of contents */
    public static ToDeviceMessages parse(JsonValue messages) {
        if (!(messages instanceof JsonObject byUser)) {
            throw DomainException.badJson("'messages' must be an object of user ids");
        }
        Map<UserId, Targets> recipients = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> user : byUser.members().entrySet()) {
            if (!(user.getValue() instanceof JsonObject byDevice)) {
                throw DomainException.badJson("The messages for " + user.getKey() + " must be an object of devices");
            }
            Map<String, String> contents = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> device : byDevice.members().entrySet()) {
                if (!(device.getValue() instanceof JsonObject content)) {
                    throw DomainException.badJson("The message for device " + device.getKey() + " of "
                            + user.getKey() + " must be an object");
                }
                contents.put(device.getKey(), encode(content));
            }
            UserId userId = userIdOrNull(user.getKey());
            if (userId != null && !contents.isEmpty()) {
                recipients.put(userId, targets(contents));
            }
        }
        return new ToDeviceMessages(recipients);
    }

    private static Targets targets(Map<String, String> contents) {
        if (contents.size() == 1 && contents.containsKey(ALL_DEVICES)) {
            return new Targets(contents.get(ALL_DEVICES), Map.of());
        }
        contents.remove(ALL_DEVICES);
        return new Targets(null, contents);
    }

    private static String encode(JsonObject content) {
        String text = CanonicalJson.encodeClientData(content);
        // A UTF-16 char takes at most three UTF-8 bytes, so only long texts need their bytes counted.
        if (text.length() * 3L > MAX_CONTENT_BYTES && text.getBytes(StandardCharsets.UTF_8).length > MAX_CONTENT_BYTES) {
            throw new DomainException(ErrorKind.TOO_LARGE,
                    "A to-device message is larger than " + MAX_CONTENT_BYTES + " bytes");
        }
        return text;
    }

    private static UserId userIdOrNull(String raw) {
        try {
            return UserId.parse(raw);
        } catch (DomainException e) {
            return null;
        }
    }
}
