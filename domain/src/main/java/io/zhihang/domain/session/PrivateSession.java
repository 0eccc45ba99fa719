package io.zhihang.domain.session;

import io.zhihang.domain.protocol.json.JsonNull;
import io.zhihang.domain.protocol.json.JsonNumber;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;

import java.time.Instant;
import java.util.Objects;

/**
 * A private session: a direct room between its creator and one target user, with its {@link SessionSettings} in
 * the room's state ({@link #STATE_TYPE}). Only the two participants may see or do anything with it; to anyone else it
 * does not exist, so the answer never tells them whether it does.
 *
 * @param id the session's id, which is its room's id
 */
public record PrivateSession(String id, UserId creator, UserId target, SessionSettings settings, Instant createdAt) {
    /** The state event (empty state key) holding a session's settings. */
    public static final String STATE_TYPE = "io.zhihang.private_session";

    public PrivateSession {
        Objects.requireNonNull(id);
        Objects.requireNonNull(creator);
        Objects.requireNonNull(target);
        Objects.requireNonNull(settings);
        Objects.requireNonNull(createdAt);
    }

    /**
     * Whether {@code creator} may open a session with {@code target}: not with oneself, not with a user who does not
     * exist or is deactivated (one answer for both), and not across an ignore list (Matrix's
     * {@code m.ignored_user_list}, which is also the friend layer's block) in either direction, with one answer
     * whichever side blocked.
     */
    public static void checkOpening(UserId creator, UserId target, boolean targetActive, boolean blockedEitherWay) {
        if (creator.equals(target)) {
            throw DomainException.invalidParam("A private session needs another user");
        }
        if (!targetActive) {
            throw DomainException.notFound("No such user");
        }
        if (blockedEitherWay) {
            throw DomainException.forbidden("You cannot open a private session with this user");
        }
    }

    public boolean isParticipant(UserId user) {
        return creator.equals(user) || target.equals(user);
    }

    /** The session as far as {@code user} may know it: a non-participant learns nothing, not even that it exists. */
    public PrivateSession seenBy(UserId user) {
        if (!isParticipant(user)) {
            throw unknown();
        }
        return this;
    }

    /** The participant who is not {@code user}. */
    public UserId other(UserId user) {
        return seenBy(user).creator.equals(user) ? target : creator;
    }

    /** A participant deletes only their own messages; the other's stay (403, since they can see both). */
    public void checkMessageDeletion(UserId by, UserId sender) {
        seenBy(by);
        if (!by.equals(sender)) {
            throw DomainException.forbidden("You can only delete your own messages");
        }
    }

    /** The settings as the state event's content. */
    public JsonObject stateContent() {
        JsonObject.Builder content = JsonObject.builder()
                .put("target", target.toString())
                .put("auto_delete", settings.autoDelete());
        content.put("name", settings.name() == null ? JsonNull.INSTANCE
                : JsonString.of(settings.name()));
        content.put("ttl_seconds", settings.ttlSeconds() == null ? JsonNull.INSTANCE
                : JsonNumber.of(settings.ttlSeconds()));
        return content.build();
    }

    /** The answer to a session that is unknown, or not the caller's. */
    public static DomainException unknown() {
        return DomainException.notFound("Unknown session");
    }
}
