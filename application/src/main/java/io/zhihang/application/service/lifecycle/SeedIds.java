package io.zhihang.application.service.lifecycle;

import io.zhihang.application.port.out.lifecycle.NumericIds;
import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads the seed API's ids: a message is its stream ordering or an event id, a chat a number or a room id, a user a
 * number or a user id. Malformed ids are {@code 400 M_INVALID_PARAM}; unknown ones {@code 404 M_NOT_FOUND}.
 */
@ApplicationScoped
public class SeedIds {
    private final NumericIds numbers;
    private final EventStore events;

    public SeedIds(NumericIds numbers, EventStore events) {
        this.numbers = numbers;
        this.events = events;
    }

    public StoredEvent message(String raw) {
        String id = required(raw, "message_id");
        if (id.startsWith("$")) {
            return events.find(id).orElseThrow(SeedIds::unknownMessage);
        }
        return events.findByOrdering(number(id, "message_id")).orElseThrow(SeedIds::unknownMessage);
    }

    public String room(String raw) {
        String id = required(raw, "chat_id");
        if (id.startsWith("!")) {
            return id;
        }
        return numbers.roomOf(number(id, "chat_id")).orElseThrow(() -> DomainException.notFound("Unknown chat"));
    }

    public UserId user(String raw) {
        String id = required(raw, "user_id");
        if (id.startsWith("@")) {
            try {
                return UserId.parse(id);
            } catch (DomainException e) {
                throw DomainException.invalidParam("Invalid user_id");
            }
        }
        return numbers.userOf(number(id, "user_id")).map(UserId::parse)
                .orElseThrow(() -> DomainException.notFound("Unknown user"));
    }

    public long chatNumber(String roomId) {
        return numbers.roomNumber(roomId);
    }

    public long userNumber(String userId) {
        return numbers.userNumber(userId);
    }

    private static String required(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            throw DomainException.missingParam(name + " is required");
        }
        return raw.strip();
    }

    private static long number(String raw, String name) {
        try {
            long n = Long.parseLong(raw);
            if (n < 1) {
                throw DomainException.invalidParam(name + " must be positive");
            }
            return n;
        } catch (NumberFormatException e) {
            throw DomainException.invalidParam(name + " must be a number or a Matrix id");
        }
    }

    private static DomainException unknownMessage() {
        return DomainException.notFound("Unknown message");
    }
}
