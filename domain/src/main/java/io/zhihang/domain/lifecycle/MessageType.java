package io.zhihang.domain.lifecycle;

import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The seed API's message types and the Matrix events they are: {@code m.room.message} with a {@code msgtype}, except
 * stickers ({@code m.sticker}); a GIF is an {@code m.image} whose type is {@code image/gif}.
 */
public enum MessageType {
    TEXT("text", "m.text"),
    IMAGE("image", "m.image"),
    VIDEO("video", "m.video"),
    AUDIO("audio", "m.audio"),
    FILE("file", "m.file"),
    STICKER("sticker", null),
    GIF("gif", "m.image");

    public static final String MESSAGE_EVENT = "m.room.message";
    public static final String STICKER_EVENT = "m.sticker";

    private final String seedName;
    private final String msgtype;

    MessageType(String seedName, String msgtype) {
        this.seedName = seedName;
        this.msgtype = msgtype;
    }

    public String seedName() {
        return seedName;
    }

    /** The {@code msgtype} of the Matrix content; null for stickers, which are their own event type. */
    public String msgtype() {
        return msgtype;
    }

    public String eventType() {
        return this == STICKER ? STICKER_EVENT : MESSAGE_EVENT;
    }

    /** Whether the content is a file on the media repository ({@code url} required). */
    public boolean isMedia() {
        return this != TEXT;
    }

    public static MessageType parse(String seedName) {
        if (seedName == null || seedName.isBlank()) {
            return TEXT;
        }
        String name = seedName.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.seedName.equals(name)).findFirst()
                .orElseThrow(() -> DomainException.invalidParam(
                        "message_type must be one of text, image, video, audio, file, sticker, gif"));
    }

    /** What a stored event is in the seed's terms; empty for events that are not messages. */
    public static Optional<MessageType> of(String eventType, JsonObject content) {
        if (STICKER_EVENT.equals(eventType)) {
            return Optional.of(STICKER);
        }
        if (!MESSAGE_EVENT.equals(eventType)) {
            return Optional.empty();
        }
        String msgtype = content.string("msgtype").orElse("");
        if ("m.image".equals(msgtype) && content.object("info").flatMap(i -> i.string("mimetype"))
                .filter("image/gif"::equalsIgnoreCase).isPresent()) {
            return Optional.of(GIF);
        }
        return Arrays.stream(values()).filter(t -> t != GIF && msgtype.equals(t.msgtype)).findFirst()
                .or(() -> Optional.of(TEXT));
    }
}
