package io.zhihang.domain.lifecycle;

import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;

/**
 * Matrix content for a message sent through the seed API: text is {@code m.text} with the text as {@code body}; media
 * types need the {@code mxc://} URL of uploaded content and use the text (or the file name) as {@code body}.
 */
public final class MessageContents {
    /** The same bound as the spec's event size, on the text alone. */
    public static final int MAX_TEXT = 32_768;

    private MessageContents() {
    }

    /** A message's text (new or edited): required, and at most {@value #MAX_TEXT} characters. */
    public static String text(String text) {
        if (text != null && text.length() > MAX_TEXT) {
            throw tooLong();
        }
        if (text == null || text.isBlank()) {
            throw DomainException.missingParam("content is required");
        }
        return text;
    }

    private static DomainException tooLong() {
        return DomainException.invalidParam("content is longer than " + MAX_TEXT + " characters");
    }

    public static JsonObject of(MessageType type, String text, String url, JsonObject info) {
        if (type == MessageType.TEXT) {
            return JsonObject.builder().put("msgtype", "m.text").put("body", text(text)).build();
        }
        if (text != null && text.length() > MAX_TEXT) {
            throw tooLong();
        }
        if (url == null || !url.startsWith("mxc://")) {
            throw DomainException.missingParam("A " + type.seedName() + " message needs the mxc:// url of its content");
        }
        JsonObject.Builder infoOut = (info == null ? JsonObject.EMPTY : info).toBuilder();
        if (type == MessageType.GIF) {
            infoOut.put("mimetype", "image/gif");
        }
        JsonObject.Builder content = JsonObject.builder()
                .put("body", text == null || text.isBlank() ? type.seedName() : text)
                .put("url", url)
                .put("info", infoOut.build());
        if (type.msgtype() != null) {
            content.put("msgtype", type.msgtype());
        }
        return content.build();
    }
}
