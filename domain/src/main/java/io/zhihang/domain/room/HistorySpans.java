package io.zhihang.domain.room;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * History visibility in bulk: the stretches of a room's event stream whose events a reader may see, worked out from
 * the history of the reader's membership and of the room's {@code m.room.history_visibility}. Within a stretch
 * between two such changes, the reader's membership, the visibility and whether the reader joined later are all
 * fixed, so {@link HistoryVisibility#allows} decides the whole stretch at once. This holds for every event except
 * the membership and visibility events themselves (which have rules of their own), so it serves searches over other
 * events: a store can select the visible stretches instead of judging each event.
 */
public final class HistorySpans {
    private HistorySpans() {
    }

    /** A change at a stream position: a membership ({@code join}, {@code leave}, …) or a history visibility. */
    public record Change(long ordering, String value) {
    }

    /** Stream positions from {@code from} (inclusive) to {@code to} (exclusive). */
    public record Span(long from, long to) {
        public static final Span ALL = new Span(0, Long.MAX_VALUE);

        public boolean contains(long ordering) {
            return ordering >= from && ordering < to;
        }
    }

    /**
     * The visible stretches, in order and not touching each other.
     *
     * @param memberships  the reader's member events in the room, in stream order
     * @param visibilities the room's history visibility events, in stream order
     */
    public static List<Span> visible(List<Change> memberships, List<Change> visibilities) {
        boolean joinedNow = !memberships.isEmpty() && "join".equals(memberships.getLast().value());
        long lastJoin = joinedNow ? Long.MAX_VALUE : memberships.stream().filter(c -> "join".equals(c.value()))
                .mapToLong(Change::ordering).max().orElse(0);
        TreeSet<Long> changes = new TreeSet<>();
        memberships.forEach(c -> changes.add(c.ordering()));
        visibilities.forEach(c -> changes.add(c.ordering()));
        List<Span> spans = new ArrayList<>();
        long from = 0;
        while (true) {
            Long next = changes.ceiling(from);
            long to = next == null ? Long.MAX_VALUE : next;
            if (to > from && allows(memberships, visibilities, from, lastJoin)) {
                add(spans, new Span(from, to));
            }
            if (next == null) {
                return spans;
            }
            from = next + 1;
        }
    }

    /** Whether events in the stretch starting at {@code from} (after any change at {@code from - 1}) are visible. */
    private static boolean allows(List<Change> memberships, List<Change> visibilities, long from, long lastJoin) {
        String membership = latest(memberships, from);
        HistoryVisibility visibility = HistoryVisibility.parse(latest(visibilities, from));
        return visibility.allows(membership, from < lastJoin);
    }

    private static String latest(List<Change> changes, long before) {
        String value = null;
        for (Change c : changes) {
            if (c.ordering() >= before) {
                break;
            }
            value = c.value();
        }
        return value;
    }

    private static void add(List<Span> spans, Span span) {
        if (!spans.isEmpty() && spans.getLast().to() == span.from() - 1) {
            // Only a change event lies between them: it is not searchable, so the stretches can be joined.
            spans.set(spans.size() - 1, new Span(spans.getLast().from(), span.to()));
        } else {
            spans.add(span);
        }
    }
}
