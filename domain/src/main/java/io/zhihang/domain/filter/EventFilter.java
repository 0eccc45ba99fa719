package io.zhihang.domain.filter;

import io.zhihang.domain.protocol.json.JsonObject;

import java.util.List;

/**
 * The spec's {@code EventFilter}, used for {@code presence} and global {@code account_data}: event types (with
 * {@code *} wildcards) and senders to include or exclude, and a {@code limit}. A null {@code types}/{@code senders}
 * list means "no restriction"; an empty one lets nothing through.
 *
 * @param limit the most events to return; null when the filter does not say ({@link #limitOr})
 */
public record EventFilter(Integer limit, List<String> types, List<String> notTypes, List<String> senders,
                          List<String> notSenders) {
    public static final EventFilter ALL = new EventFilter(null, null, List.of(), null, List.of());

    public EventFilter {
        types = types == null ? null : List.copyOf(types);
        notTypes = List.copyOf(notTypes);
        senders = senders == null ? null : List.copyOf(senders);
        notSenders = List.copyOf(notSenders);
    }

    /** Parses an {@code EventFilter} object; {@code path} names it in errors (e.g. {@code presence}). */
    public static EventFilter parse(JsonObject json, String path) {
        return new EventFilter(FilterJson.limit(json, path),
                FilterJson.strings(json, "types", path), FilterJson.orEmpty(FilterJson.strings(json, "not_types", path)),
                FilterJson.userIds(json, "senders", path),
                FilterJson.orEmpty(FilterJson.userIds(json, "not_senders", path)));
    }

    /** Whether an event of this type from this sender (null when it has none) passes. */
    public boolean matches(String type, String sender) {
        if (EventTypePatterns.anyMatches(notTypes, type)) {
            return false;
        }
        if (types != null && !EventTypePatterns.anyMatches(types, type)) {
            return false;
        }
        if (sender != null && notSenders.contains(sender)) {
            return false;
        }
        return senders == null || (sender != null && senders.contains(sender));
    }

    /** Whether an event (client format: {@code type}, {@code sender}) passes. */
    public boolean matches(JsonObject event) {
        return matches(event.string("type").orElse(null), event.string("sender").orElse(null));
    }

    /** Nothing can pass: {@code types: []}, {@code senders: []} or {@code not_types: ["*"]} (sync may skip the work). */
    public boolean blocksAll() {
        return (types != null && types.isEmpty()) || (senders != null && senders.isEmpty()) || notTypes.contains("*");
    }

    public int limitOr(int defaultLimit) {
        return limit == null ? defaultLimit : limit;
    }
}
