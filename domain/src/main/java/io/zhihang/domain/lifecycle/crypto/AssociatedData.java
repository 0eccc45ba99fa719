package io.zhihang.domain.lifecycle.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds the AES-GCM associated data that binds a {@link SealedContent} to its place, so a sealed blob copied onto another
 * message fails to open. The parts (say a room id and a message id) are written as a fixed label, then each part as its
 * UTF-8 length (4 bytes, big-endian) and bytes: unambiguous, so {@code ("ab", "c")} and {@code ("a", "bc")} differ.
 */
public final class AssociatedData {
    /** Names this use, so associated data built for another purpose can never coincide with it. */
    public static final String MESSAGE_LABEL = "zhihang.message-content.v1";

    private AssociatedData() {
    }

    /** The associated data of a message's sealed content, identified by {@code parts}. */
    public static byte[] forMessage(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        append(out, MESSAGE_LABEL);
        for (String part : parts) {
            append(out, part);
        }
        return out.toByteArray();
    }

    private static void append(ByteArrayOutputStream out, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        int n = bytes.length;
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
        out.writeBytes(bytes);
    }
}
