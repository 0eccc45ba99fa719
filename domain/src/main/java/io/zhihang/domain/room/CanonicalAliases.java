package io.zhihang.domain.room;

import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonNull;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.RoomAlias;
import io.zhihang.domain.shared.ServerName;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Changes to {@code m.room.canonical_alias} content ({@code alias} and {@code alt_aliases}) that follow from changes
 * to the aliases themselves, as Synapse makes them. Values that are not strings are left where they are.
 */
public final class CanonicalAliases {
    private static final String ALIAS = "alias";
    private static final String ALT_ALIASES = "alt_aliases";

    private CanonicalAliases() {
    }

    /**
     * The aliases that a new content names and the {@code previous} one ({} if none) did not: {@code alias} when it
     * changed, and the entries of {@code alt_aliases} that are new. These must point to the room (Synapse checks
     * only these, so an alias deleted since it was named does not block other changes). An empty or null
     * {@code alias} names nothing.
     *
     * @throws DomainException {@code M_INVALID_PARAM} for an {@code alias} that is not a string,
     *                         {@code alt_aliases} that is not a list, an entry that is not a string, or a malformed alias
     */
    public static List<String> added(JsonObject content, JsonObject previous) {
        Set<String> added = new LinkedHashSet<>();
        JsonValue alias = content.get(ALIAS).orElse(JsonNull.INSTANCE);
        if (!(alias instanceof JsonNull) && !alias.equals(new JsonString(""))
                && !alias.equals(previous.get(ALIAS).orElse(JsonNull.INSTANCE))) {
            if (!(alias instanceof JsonString s)) {
                throw DomainException.invalidParam("The alias must be of type string.");
            }
            added.add(s.value());
        }
        JsonValue alternatives = content.get(ALT_ALIASES).orElse(JsonArray.EMPTY);
        if (!(alternatives instanceof JsonArray list)) {
            throw DomainException.invalidParam("The alt_aliases property must be a list.");
        }
        List<JsonValue> before = previous.get(ALT_ALIASES).orElse(null) instanceof JsonArray old
                ? old.items() : List.of();
        for (JsonValue v : list.items()) {
            if (!before.contains(v)) {
                if (!(v instanceof JsonString s)) {
                    throw DomainException.invalidParam("Each alt_alias must be of type string.");
                }
                added.add(s.value());
            }
        }
        added.forEach(RoomAlias::parse);
        return List.copyOf(added);
    }

    /** The content to send after {@code alias} was deleted, or empty if the content does not name it. */
    public static Optional<JsonObject> without(JsonObject content, String alias) {
        Split split = split(content, alias::equals);
        return split.moved().size() == 0 ? Optional.empty() : Optional.of(split.kept());
    }

    /**
     * How an upgrade divides the content: this server's aliases move to the new room (they now point there), the
     * others stay in the old room.
     *
     * @return {@code kept} for the old room and {@code moved} for the new one; {@code moved} is empty if nothing moves
     */
    public static Split splitForUpgrade(JsonObject content, ServerName local) {
        return split(content, alias -> isLocal(alias, local));
    }

    /** The old content without the aliases that matched, and a content holding just those. */
    public record Split(JsonObject kept, JsonObject moved) {
    }

    private static Split split(JsonObject content, Predicate<String> moves) {
        JsonObject.Builder kept = content.toBuilder();
        JsonObject.Builder moved = JsonObject.builder();
        content.string(ALIAS).filter(moves).ifPresent(alias -> {
            kept.remove(ALIAS);
            moved.put(ALIAS, alias);
        });
        Optional<JsonArray> alternatives = content.array(ALT_ALIASES);
        if (alternatives.isPresent()) {
            List<JsonValue> stay = new ArrayList<>();
            List<JsonValue> go = new ArrayList<>();
            for (JsonValue v : alternatives.get().items()) {
                (v instanceof JsonString s && moves.test(s.value()) ? go : stay).add(v);
            }
            if (!go.isEmpty()) {
                moved.put(ALT_ALIASES, new JsonArray(go));
                if (stay.isEmpty()) {
                    kept.remove(ALT_ALIASES);
                } else {
                    kept.put(ALT_ALIASES, new JsonArray(stay));
                }
            }
        }
        return new Split(kept.build(), moved.build());
    }

    private static boolean isLocal(String alias, ServerName local) {
        try {
            return RoomAlias.parse(alias).isLocalTo(local);
        } catch (DomainException e) {
            return false;
        }
    }
}
