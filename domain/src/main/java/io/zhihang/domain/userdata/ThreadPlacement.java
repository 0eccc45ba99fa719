package io.zhihang.domain.userdata;

import java.util.List;

/**
 * Where an event sits for threaded receipts, as Synapse judges it: {@code threadRoot} is the root of the thread the
 * event is in (through an {@code m.thread} relation of its own or of an event it relates to), or null for the main
 * timeline; {@code chain} is the event followed by the events it relates to, nearest first (bounded).
 */
public record ThreadPlacement(String threadRoot, List<String> chain) {
    public ThreadPlacement {
        chain = List.copyOf(chain);
    }

    /**
     * Whether a receipt on this event may name {@code threadId}: {@code main} only for events outside every thread; a
     * thread root's id for events in that thread, for the root itself, and for events relating to the root.
     */
    public boolean fits(String threadId) {
        if (Receipt.MAIN_THREAD.equals(threadId)) {
            return threadRoot == null;
        }
        return threadId.equals(threadRoot) || chain.contains(threadId);
    }
}
