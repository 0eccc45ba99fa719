package io.zhihang.application.service.admin.rooms;

import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.port.in.admin.rooms.AdminRoom;
import io.zhihang.application.port.in.admin.rooms.AdminRoomListQuery;
import io.zhihang.application.port.in.admin.rooms.AdminRoomPage;
import io.zhihang.application.port.in.admin.rooms.AdminRoomsUseCase;
import io.zhihang.application.port.in.room.MembershipUseCase;
import io.zhihang.application.port.in.room.RoomQueries;
import io.zhihang.application.port.in.room.SendEventUseCase;
import io.zhihang.application.port.out.AccountRepository;
import io.zhihang.application.port.out.DeviceRepository;
import io.zhihang.application.port.out.room.AliasRepository;
import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.ForgottenRooms;
import io.zhihang.application.port.out.room.RoomCatalog;
import io.zhihang.application.port.out.room.RoomRecord;
import io.zhihang.application.port.out.room.RoomRepository;
import io.zhihang.application.port.out.room.RoomStateStore;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.application.service.admin.AdminAudit;
import io.zhihang.application.service.room.ClientEvents;
import io.zhihang.application.service.room.RoomAccess;
import io.zhihang.application.service.room.StreamToken;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.filter.RoomEventFilter;
import io.zhihang.domain.protocol.json.JsonNumber;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.room.PowerLevels;
import io.zhihang.domain.room.StateKey;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The admin API's view of rooms. The room list is computed from each room's current state (no statistics table):
 * its cost grows with the number of rooms, which is fine for an operator's occasional request.
 */
@ApplicationScoped
public class AdminRoomsService implements AdminRoomsUseCase {
    private static final int MAX_MESSAGES = 1000;
    private static final StateKey NAME = new StateKey("m.room.name", "");
    private static final StateKey TOPIC = new StateKey("m.room.topic", "");
    private static final StateKey AVATAR = new StateKey("m.room.avatar", "");
    private static final StateKey CANONICAL_ALIAS = new StateKey("m.room.canonical_alias", "");
    private static final StateKey ENCRYPTION = new StateKey("m.room.encryption", "");
    private static final StateKey GUEST_ACCESS = new StateKey("m.room.guest_access", "");
    private static final StateKey HISTORY_VISIBILITY = new StateKey("m.room.history_visibility", "");
    private static final StateKey TOMBSTONE = new StateKey("m.room.tombstone", "");
    private static final List<StateKey> SUMMARY_KEYS = List.of(NAME, TOPIC, AVATAR, CANONICAL_ALIAS, ENCRYPTION,
            StateKey.JOIN_RULES, GUEST_ACCESS, HISTORY_VISIBILITY, StateKey.CREATE, TOMBSTONE);

    private final RoomCatalog catalog;
    private final RoomRepository rooms;
    private final RoomAccess access;
    private final RoomStateStore stateStore;
    private final EventStore events;
    private final ClientEvents clientEvents;
    private final DeviceRepository devices;
    private final ForgottenRooms forgotten;
    private final AccountRepository accounts;
    private final AliasRepository aliases;
    private final MembershipUseCase membership;
    private final SendEventUseCase send;
    private final HomeserverSettings settings;
    private final AdminAudit audit;

    public AdminRoomsService(RoomCatalog catalog, RoomRepository rooms, RoomAccess access, RoomStateStore stateStore,
                             EventStore events,
                             ClientEvents clientEvents, DeviceRepository devices, ForgottenRooms forgotten,
                             AccountRepository accounts, AliasRepository aliases, MembershipUseCase membership,
                             SendEventUseCase send, HomeserverSettings settings, AdminAudit audit) {
        this.catalog = catalog;
        this.rooms = rooms;
        this.access = access;
        this.stateStore = stateStore;
        this.events = events;
        this.clientEvents = clientEvents;
        this.devices = devices;
        this.forgotten = forgotten;
        this.accounts = accounts;
        this.aliases = aliases;
        this.membership = membership;
        this.send = send;
        this.settings = settings;
        this.audit = audit;
    }

    @Override
    @Transactional
    public AdminRoomPage list(Requester admin, AdminRoomListQuery query) {
        admin.ensureAdmin();
        Comparator<AdminRoom> order = RoomListOrder.of(query.orderBy()).comparator(query.backwards());
        String term = query.searchTerm() == null ? null : query.searchTerm().toLowerCase(Locale.ROOT);
        List<AdminRoom> all = new ArrayList<>();
        for (String roomId : catalog.allRoomIds()) {
            rooms.find(roomId).map(room -> summary(room, false)).filter(room -> matches(room, term))
                    .ifPresent(all::add);
        }
        all.sort(order);
        int from = Math.min(query.from(), all.size());
        int to = (int) Math.min((long) from + query.limit(), all.size());
        return new AdminRoomPage(List.copyOf(all.subList(from, to)), query.from(), all.size());
    }

    @Override
    @Transactional
    public AdminRoom details(Requester admin, String roomId) {
        admin.ensureAdmin();
        return summary(room(roomId), true);
    }

    @Override
    @Transactional
    public List<String> members(Requester admin, String roomId) {
        admin.ensureAdmin();
        room(roomId);
        return access.joinedMembers(roomId).stream().sorted().toList();
    }

    @Override
    @Transactional
    public List<JsonObject> state(Requester admin, String roomId, String type) {
        admin.ensureAdmin();
        room(roomId);
        List<String> ids = access.currentState(roomId).entrySet().stream()
                .filter(e -> type == null || type.equals(e.getKey().type()))
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(StateKey::type).thenComparing(StateKey::stateKey)))
                .map(Map.Entry::getValue).toList();
        return clientEvents.formatIds(roomId, ids, true);
    }

    @Override
    @Transactional
    public RoomQueries.MessagesPage messages(Requester admin, String roomId, String from, String to,
                                             boolean backwards, int limit, RoomEventFilter filter) {
        admin.ensureAdmin();
        room(roomId);
        int size = Math.min(limit, MAX_MESSAGES);
        long position = from == null ? (backwards ? events.latestOrdering(roomId) : 0) : StreamToken.parse(from);
        Long stop = to == null ? null : StreamToken.parse(to);
        long bound = backwards ? position + 1 : position;
        Long end = stop == null ? null : (backwards ? stop : stop + 1);
        String start = StreamToken.format(position);
        if (size == 0) {
            return new RoomQueries.MessagesPage(List.of(), start, start, List.of());
        }
        List<StoredEvent> chunk = events.page(roomId, bound, end,
                backwards ? EventStore.Direction.BACKWARDS : EventStore.Direction.FORWARDS, size);
        String next = chunk.size() < size ? null
                : StreamToken.format(backwards ? chunk.getLast().streamOrdering() - 1 : chunk.getLast().streamOrdering());
        List<StoredEvent> shown = chunk.stream().filter(e -> filter.matches(e.pdu())).toList();
        return new RoomQueries.MessagesPage(clientEvents.format(roomId, shown, true), start, next, List.of());
    }

    @Override
    @Transactional
    public String join(Requester admin, String ip, String roomIdOrAlias, String userId) {
        admin.ensureAdmin();
        UserId target = localUser(userId);
        String roomId = resolve(roomIdOrAlias);
        String joinRule = access.stateContent(roomId, StateKey.JOIN_RULES)
                .flatMap(c -> c.string("join_rule")).orElse("invite");
        String current = access.membership(roomId, target.toString()).orElse(null);
        if (!"public".equals(joinRule) && !"invite".equals(current) && !"join".equals(current)) {
            // As Synapse: the admin invites; refused (403) if the admin may not invite, e.g. is not in the room.
            membership.invite(admin, roomId, target.toString(), null);
        }
        String joined = membership.join(actingAs(target), roomId, null);
        audit.record(admin, ip, "join_room", roomId, JsonObject.builder().put("user_id", target.toString()).build());
        return joined;
    }

    @Override
    @Transactional
    public void makeRoomAdmin(Requester admin, String ip, String roomIdOrAlias, String userId) {
        admin.ensureAdmin();
        String roomId = resolve(roomIdOrAlias);
        String target = userId == null ? admin.userId().toString() : parse(userId).toString();
        PowerLevels levels = access.powerLevels(roomId);
        String roomAdmin = access.joinedMembers(roomId).stream().filter(this::isLocal)
                .max(Comparator.comparingLong(levels::userLevel).thenComparing(Comparator.reverseOrder()))
                .filter(u -> levels.userLevel(u) > levels.usersDefault())
                .orElseThrow(() -> DomainException.invalidParam("No local admin user in room"));
        JsonObject content = access.stateContent(roomId, StateKey.POWER_LEVELS).orElse(JsonObject.EMPTY);
        JsonObject users = content.object("users").orElse(JsonObject.EMPTY);
        long level = levels.userLevel(roomAdmin) == PowerLevels.INFINITE ? PowerLevels.DEFAULT_CREATOR_LEVEL
                : levels.userLevel(roomAdmin);
        if (!levels.isCreator(target)) {
            try {
                send.sendState(actingAs(UserId.parse(roomAdmin)), roomId, "m.room.power_levels", "",
                        content.with("users", users.with(target, new JsonNumber(level))));
            } catch (DomainException e) {
                throw DomainException.invalidParam(
                        "No local admin user in room with power to update power levels.");
            }
        }
        String current = access.membership(roomId, target).orElse(null);
        String joinRule = access.stateContent(roomId, StateKey.JOIN_RULES)
                .flatMap(c -> c.string("join_rule")).orElse("invite");
        if (!"join".equals(current) && !"invite".equals(current) && !"public".equals(joinRule)) {
            membership.invite(actingAs(UserId.parse(roomAdmin)), roomId, target, null);
        }
        audit.record(admin, ip, "make_room_admin", roomId, JsonObject.builder().put("user_id", target).build());
    }

    private AdminRoom summary(RoomRecord room, boolean details) {
        String roomId = room.roomId();
        Map<StateKey, JsonObject> state = access.stateContents(roomId, SUMMARY_KEYS);
        Map<StateKey, String> current = access.currentState(roomId);
        List<String> joined = access.joinedMembers(roomId);
        List<String> local = joined.stream().filter(this::isLocal).toList();
        JsonObject create = state.getOrDefault(StateKey.CREATE, JsonObject.EMPTY);
        long devicesOfMembers = 0;
        boolean forgottenByAll = false;
        if (details) {
            for (String user : local) {
                devicesOfMembers += devices.listFor(UserId.parse(user)).size();
            }
            List<String> localMembers = stateStore.memberships(roomId).keySet().stream().filter(this::isLocal).toList();
            forgottenByAll = local.isEmpty() && !localMembers.isEmpty()
                    && localMembers.stream().allMatch(user -> forgotten.isForgotten(user, roomId));
        }
        JsonObject tombstone = state.get(TOMBSTONE);
        return new AdminRoom(roomId, string(state, NAME, "name"), string(state, TOPIC, "topic"),
                string(state, AVATAR, "url"), string(state, CANONICAL_ALIAS, "alias"), joined.size(), local.size(),
                devicesOfMembers, room.version().id(), room.creator(), string(state, ENCRYPTION, "algorithm"),
                create.bool("m.federate").orElse(true), room.published(), string(state, StateKey.JOIN_RULES,
                "join_rule"), string(state, GUEST_ACCESS, "guest_access"),
                string(state, HISTORY_VISIBILITY, "history_visibility"), current.size(),
                create.string("type").orElse(null), forgottenByAll, tombstone != null,
                tombstone == null ? null : tombstone.string("replacement_room").orElse(null));
    }

    private static String string(Map<StateKey, JsonObject> state, StateKey key, String field) {
        JsonObject content = state.get(key);
        return content == null ? null : content.string(field).orElse(null);
    }

    private static boolean matches(AdminRoom room, String term) {
        if (term == null) {
            return true;
        }
        return contains(room.name(), term) || contains(room.canonicalAlias(), term) || contains(room.roomId(), term);
    }

    private static boolean contains(String value, String term) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(term);
    }

    private RoomRecord room(String roomId) {
        return rooms.find(roomId).orElseThrow(() -> DomainException.notFound("Room not found"));
    }

    private String resolve(String roomIdOrAlias) {
        if (roomIdOrAlias.startsWith("#")) {
            return aliases.roomOf(roomIdOrAlias)
                    .orElseThrow(() -> DomainException.notFound("Room alias " + roomIdOrAlias + " not found"));
        }
        if (!roomIdOrAlias.startsWith("!")) {
            throw DomainException.invalidParam(roomIdOrAlias + " was not legal room ID or room alias");
        }
        return room(roomIdOrAlias).roomId();
    }

    private UserId localUser(String userId) {
        if (userId == null) {
            throw DomainException.missingParam("Missing params: ['user_id']");
        }
        UserId user = parse(userId);
        if (!user.isLocalTo(settings.serverName())) {
            throw DomainException.invalidParam("This endpoint can only be used with local users");
        }
        if (accounts.find(user).isEmpty()) {
            throw DomainException.notFound("User not found");
        }
        return user;
    }

    private static UserId parse(String userId) {
        try {
            return UserId.parse(userId);
        } catch (DomainException e) {
            throw DomainException.invalidParam("Invalid user id: " + userId);
        }
    }

    private boolean isLocal(String userId) {
        try {
            return UserId.parse(userId).isLocalTo(settings.serverName());
        } catch (DomainException e) {
            return false;
        }
    }

    /** The admin API acts for a local user as Synapse's {@code create_requester} does: no device, no token. */
    static Requester actingAs(UserId user) {
        return new Requester(user, null, null, false);
    }
}
