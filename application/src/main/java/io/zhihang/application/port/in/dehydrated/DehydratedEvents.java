package io.zhihang.application.port.in.dehydrated;

import io.zhihang.domain.dehydrated.InboxToken;
import io.zhihang.domain.protocol.json.JsonObject;

import java.util.List;

/**
 * A page of a dehydrated device's to-device events ({@code type}, {@code sender}, {@code content}), oldest first;
 * {@code next} reads on after them (the {@code from} asked for when the page is empty); {@code more} says whether
 * messages wait after the page.
 */
public record DehydratedEvents(List<JsonObject> events, InboxToken next, boolean more) {
    public DehydratedEvents {
        events = List.copyOf(events);
    }
}
