package io.zhihang.adapter.rest.client.room;

import io.zhihang.application.port.in.room.RoomQueries;

import java.util.LinkedHashMap;
import java.util.Map;

/** A page of {@code /messages} as the spec's response body: {@code chunk}, {@code start}, {@code end} if any, {@code state}. */
public final class MessagesPageJson {
    private MessagesPageJson() {
    }

    public static Map<String, Object> of(RoomQueries.MessagesPage page) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("chunk", page.chunk());
        response.put("start", page.start());
        if (page.end() != null) {
            response.put("end", page.end());
        }
        response.put("state", page.state());
        return response;
    }
}
