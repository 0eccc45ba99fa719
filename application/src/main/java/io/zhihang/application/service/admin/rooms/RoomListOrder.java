package io.zhihang.application.service.admin.rooms;

import io.zhihang.application.port.in.admin.rooms.AdminRoom;
import io.zhihang.domain.shared.DomainException;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Synapse's {@code order_by} values of the admin room list. As Synapse, the counts ({@code joined_members},
 * {@code joined_local_members}, {@code state_events}) go largest first in the forward direction, everything else
 * ascending with absent values last; ties go by room id.
 */
enum RoomListOrder {
    NAME("name", AdminRoom::name),
    CANONICAL_ALIAS("canonical_alias", AdminRoom::canonicalAlias),
    JOINED_MEMBERS("joined_members", AdminRoom::joinedMembers, true),
    JOINED_LOCAL_MEMBERS("joined_local_members", AdminRoom::joinedLocalMembers, true),
    VERSION("version", AdminRoom::version),
    CREATOR("creator", AdminRoom::creator),
    ENCRYPTION("encryption", AdminRoom::encryption),
    FEDERATABLE("federatable", AdminRoom::federatable),
    PUBLIC("public", AdminRoom::isPublic),
    JOIN_RULES("join_rules", AdminRoom::joinRules),
    GUEST_ACCESS("guest_access", AdminRoom::guestAccess),
    HISTORY_VISIBILITY("history_visibility", AdminRoom::historyVisibility),
    STATE_EVENTS("state_events", AdminRoom::stateEvents, true);

    private final String wireName;
    private final Function<AdminRoom, Comparable<?>> key;
    private final boolean largestFirst;

    RoomListOrder(String wireName, Function<AdminRoom, Comparable<?>> key) {
        this(wireName, key, false);
    }

    RoomListOrder(String wireName, Function<AdminRoom, Comparable<?>> key, boolean largestFirst) {
        this.wireName = wireName;
        this.key = key;
        this.largestFirst = largestFirst;
    }

    /** {@code name} if absent; {@code 400 M_INVALID_PARAM} for an unknown value (Synapse's answer). */
    static RoomListOrder of(String wireName) {
        if (wireName == null) {
            return NAME;
        }
        return Arrays.stream(values()).filter(o -> o.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> DomainException.invalidParam("Query parameter \"order_by\" must be one of ["
                        + Arrays.stream(values()).map(o -> "\"" + o.wireName + "\"").collect(Collectors.joining(", "))
                        + "]"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Comparator<AdminRoom> comparator(boolean backwards) {
        Comparator<Comparable> values = Comparator.naturalOrder();
        if (largestFirst != backwards) {
            values = values.reversed();
        }
        Comparator<AdminRoom> byKey = Comparator.comparing(room -> (Comparable) key.apply(room),
                Comparator.nullsLast(values));
        return byKey.thenComparing(AdminRoom::roomId);
    }
}
