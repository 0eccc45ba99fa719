package io.zhihang.application.port.in.session;

import java.util.List;

/** Messages newest first, and the token of the older ones ({@code from}); null when there are no more. */
public record SessionMessagesPage(List<SessionMessage> messages, String nextBatch) {
    public SessionMessagesPage {
        messages = List.copyOf(messages);
    }
}
