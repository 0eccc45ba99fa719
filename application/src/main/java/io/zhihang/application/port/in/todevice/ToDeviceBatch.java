package io.zhihang.application.port.in.todevice;

import io.zhihang.domain.protocol.json.JsonObject;

import java.util.List;

/**
 * To-device events for one sync response ({@code type}, {@code sender}, {@code content}), oldest first, and the
 * to-device position the response's token carries: the last event's when more are waiting, else the one read up to.
 */
public record ToDeviceBatch(List<JsonObject> events, long position) {
    public ToDeviceBatch {
        events = List.copyOf(events);
    }
}
