package io.zhihang.application.port.in.lifecycle;

/**
 * Where a message goes: a chat ({@code chat_id}: a number or a room id) or a user ({@code user_id}: a number or a
 * user id), whose one-to-one room is used and made if there is none. Both null means no target.
 */
public record MessageTarget(String chat, String user) {
    public boolean isEmpty() {
        return (chat == null || chat.isBlank()) && (user == null || user.isBlank());
    }
}
