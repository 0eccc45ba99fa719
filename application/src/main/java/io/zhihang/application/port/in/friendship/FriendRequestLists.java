package io.zhihang.application.port.in.friendship;

import java.util.List;

/** A user's pending requests: those addressed to them, and those they sent, oldest first. */
public record FriendRequestLists(List<FriendRequestView> incoming, List<FriendRequestView> outgoing) {
    public FriendRequestLists {
        incoming = List.copyOf(incoming);
        outgoing = List.copyOf(outgoing);
    }
}
