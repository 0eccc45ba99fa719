package io.zhihang.application.port.in.typing;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Typing notices for {@code /sync} ({@code m.typing} in each joined room's {@code ephemeral} section). They live in
 * memory, on the instance that received them (as Synapse's typing writer).
 *
 * <p>The position never goes back, even across restarts: it starts at the boot time in microseconds. A position this
 * instance cannot interpret (from before its start, beyond its current position, or older than a room it has since
 * forgotten) is answered with every room asked about, so clients drop stale typers; callers need no special case.
 */
public interface TypingQueries {
    /** The current typing stream position, for the next sync token. */
    long typingPosition();

    /**
     * Room id → user ids typing now, for those of {@code roomIds} whose typing changed after {@code since} (an empty
     * list means "nobody is typing any more"). {@code since == 0} (initial sync): the rooms with typers.
     * Read the position first, then this: a change in between is then sent twice rather than never.
     */
    Map<String, List<String>> typingSince(Collection<String> roomIds, long since);
}
