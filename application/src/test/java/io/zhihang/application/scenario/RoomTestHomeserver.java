package io.zhihang.application.scenario;

import io.zhihang.application.fakes.RecordingEvent;
import io.zhihang.application.config.RoomSettings;
import io.zhihang.application.fakes.FixedSigningKey;
import io.zhihang.application.fakes.ImmediateAfterCommit;
import io.zhihang.application.fakes.InMemoryAccountDataRepository;
import io.zhihang.application.fakes.InMemoryPrivateSessionRepository;
import io.zhihang.application.fakes.InMemoryAliasRepository;
import io.zhihang.application.fakes.InMemoryEventSearchIndex;
import io.zhihang.application.fakes.InMemoryEventStore;
import io.zhihang.application.fakes.InMemoryForgottenRooms;
import io.zhihang.application.fakes.InMemoryMessageLog;
import io.zhihang.application.fakes.InMemoryNotificationRepository;
import io.zhihang.application.fakes.InMemoryPushRuleRepository;
import io.zhihang.application.fakes.InMemoryPusherRepository;
import io.zhihang.application.port.out.push.PushNotifier;
import io.zhihang.application.fakes.InMemoryReadPositions;
import io.zhihang.application.fakes.RecordingEvents;
import io.zhihang.application.fakes.InMemoryRoomRepository;
import io.zhihang.application.fakes.InMemoryRoomStateStore;
import io.zhihang.application.fakes.InMemoryTxnIdStore;
import io.zhihang.application.fakes.InMemoryUserDirectory;
import io.zhihang.application.port.in.room.CreateRoomCommand;
import io.zhihang.application.port.in.room.RoomQueries.MessagesPage;
import io.zhihang.application.service.notification.NotificationQueryService;
import io.zhihang.application.service.push.NotificationRecorder;
import io.zhihang.application.service.push.PushRuleService;
import io.zhihang.application.service.push.PushRulesCache;
import io.zhihang.application.service.push.PusherService;
import io.zhihang.application.service.push.RoomPushContexts;
import io.zhihang.application.service.room.RoomBlocks;
import io.zhihang.application.service.room.PastState;
import io.zhihang.application.service.room.ClientEvents;
import io.zhihang.application.service.room.CanonicalAliasCheck;
import io.zhihang.application.service.room.CreateRoomService;
import io.zhihang.application.service.room.EditGuard;
import io.zhihang.application.service.room.EditHistoryService;
import io.zhihang.application.service.room.HistoryFilter;
import io.zhihang.application.service.room.IgnoreLists;
import io.zhihang.application.service.room.MemberProfiles;
import io.zhihang.application.service.room.MessageBatchWriter;
import io.zhihang.application.service.room.MessageLanes;
import io.zhihang.application.service.room.MembershipService;
import io.zhihang.application.service.room.RelationBundles;
import io.zhihang.application.service.room.RelationQueryService;
import io.zhihang.application.service.room.RoomAccess;
import io.zhihang.application.service.room.RoomQueryService;
import io.zhihang.application.service.room.RoomStateCache;
import io.zhihang.application.service.room.RoomWriter;
import io.zhihang.application.service.room.SearchIndexer;
import io.zhihang.application.service.room.SendEventService;
import io.zhihang.application.service.room.TimelineQueryService;
import io.zhihang.application.service.stream.MembershipCache;
import io.zhihang.application.service.stream.RoomStream;
import io.zhihang.application.service.stream.SyncNotifier;
import io.zhihang.application.service.stream.SyncActivity;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.lifecycle.LifecyclePolicy;
import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The room services wired by hand on in-memory fakes, on top of a {@link TestHomeserver} (its accounts, profiles,
 * clock and settings). Room versions 10, 11 and 12 are available; new rooms are version 11 unless asked otherwise.
 */
public final class RoomTestHomeserver {
    public static final RoomSettings ROOM_SETTINGS = new RoomSettings(RoomVersion.V11,
            List.copyOf(RoomVersion.known().values()));

    /** Recall within 24 hours, edits within 48 hours, at most 5 of them. */
    public static final LifecyclePolicy LIFECYCLE = LifecyclePolicy.DEFAULT;

    public final TestHomeserver server;
    public final InMemoryRoomRepository rooms = new InMemoryRoomRepository();
    public final InMemoryEventStore events = new InMemoryEventStore();
    public final InMemoryRoomStateStore state = new InMemoryRoomStateStore();
    public final InMemoryTxnIdStore txnIds = new InMemoryTxnIdStore();
    public final InMemoryAliasRepository aliases = new InMemoryAliasRepository();
    public final FixedSigningKey signingKey = new FixedSigningKey();
    public final InMemoryPushRuleRepository pushRuleStore = new InMemoryPushRuleRepository();
    public final InMemoryNotificationRepository notificationStore = new InMemoryNotificationRepository();
    public final InMemoryReadPositions readPositions = new InMemoryReadPositions();
    public final InMemoryPusherRepository pusherStore = new InMemoryPusherRepository();
    public final RecordingEvents<SyncActivity> syncActivity = new RecordingEvents<>();
    public final InMemoryEventSearchIndex searchIndex = new InMemoryEventSearchIndex();
    public final InMemoryUserDirectory directory;
    public final InMemoryForgottenRooms forgotten = new InMemoryForgottenRooms();

    public final SyncNotifier notifier = new SyncNotifier();
    public final RoomStream stream;
    public final RoomAccess access;
    public final HistoryFilter history;
    public final ClientEvents clientEvents;
    public final RoomWriter writer;
    public final CreateRoomService createRoom;
    public final SendEventService sendEvent;
    public final MembershipService membership;
    public final RoomQueryService queries;
    public final RelationQueryService relations;
    public final TimelineQueryService timeline;
    public final PushRulesCache pushRulesCache;
    public final PushRuleService pushRules;
    public final NotificationQueryService notifications;
    public final PusherService pushers;
    public final MessageBatchWriter messageBatches;
    public final InMemoryMessageLog messages;
    public final EditGuard edits;
    public final EditHistoryService editHistory;

    /** Push delivery is not part of these scenarios: its wake-ups go nowhere. */
    public static final PushNotifier NO_PUSH = new PushNotifier() {
        @Override
        public void notificationsRecorded() {
        }

        @Override
        public void receiptsMoved(String userId) {
        }
    };

    private final AtomicInteger txnCounter = new AtomicInteger();

    public RoomTestHomeserver() {
        this(TestHomeserver.open());
    }

    public RoomTestHomeserver(TestHomeserver server) {
        this.server = server;
        access = new RoomAccess(rooms, state, events);
        history = new HistoryFilter(events, access, forgotten, new io.zhihang.application.fakes.InMemoryErasedUsers());
        clientEvents = new ClientEvents(events, access, new RelationBundles(events), server.clock);
        messages = new InMemoryMessageLog(rooms, events, txnIds);
        directory = new InMemoryUserDirectory(server.accounts, server.profiles, rooms, state);
        pushRulesCache = new PushRulesCache(pushRuleStore, server.clock);
        pushRules = new PushRuleService(pushRuleStore, pushRulesCache, syncActivity);
        NotificationRecorder recorder = new NotificationRecorder(new RoomPushContexts(events), pushRulesCache,
                notificationStore, events, server.settings, new ImmediateAfterCommit(), NO_PUSH);
        stream = new RoomStream(events, new ImmediateAfterCommit(), notifier, new MembershipCache());
        writer = new RoomWriter(rooms, events, state, signingKey, server.settings, new RoomStateCache(state, events),
                messages, stream, recorder, new SearchIndexer(searchIndex, directory, events), new RecordingEvent<>(),
                server.ids, new RoomBlocks(new IgnoreLists(new InMemoryAccountDataRepository())),
                new InMemoryPrivateSessionRepository());
        MemberProfiles profiles = new MemberProfiles(server.profiles);
        createRoom = new CreateRoomService(rooms, aliases, writer, profiles, server.ids, server.settings,
                ROOM_SETTINGS, server.clock);
        edits = new EditGuard(events, LIFECYCLE);
        messageBatches = new MessageBatchWriter(messages, writer, server.clock, stream, edits);
        sendEvent = new SendEventService(rooms, events, txnIds, writer, access, new MessageLanes(messageBatches),
                server.clock, LIFECYCLE, new io.zhihang.application.fakes.InMemoryEncryptedMessages(),
                new io.zhihang.application.fakes.InMemorySelfDestructs(), new CanonicalAliasCheck(aliases,
                server.settings), new RecordingEvent<>(), new io.zhihang.application.fakes.InMemoryShadowBans(),
                server.ids);
        membership = new MembershipService(writer, access, aliases, server.accounts, profiles, server.settings,
                forgotten, server.clock, new io.zhihang.application.service.typing.TypingService(state, server.clock,
                new io.zhihang.application.fakes.RecordingEvents<>()), new RecordingEvent<>(),
                new io.zhihang.application.port.out.room.BlockedRooms() {
                    @Override
                    public boolean isBlocked(String roomId) {
                        return false;
                    }

                    @Override
                    public void block(String roomId, String byUserId, long ts) {
                        throw new UnsupportedOperationException("no admin API in scenario tests");
                    }
                }, new io.zhihang.application.fakes.InMemoryServerNoticeRooms());
        queries = new RoomQueryService(access, state, events, clientEvents, history,
                new IgnoreLists(new InMemoryAccountDataRepository()), new PastState(events));
        relations = new RelationQueryService(access, events, clientEvents, history);
        timeline = new TimelineQueryService(access, events, clientEvents, history,
                new IgnoreLists(new InMemoryAccountDataRepository()));
        notifications = new NotificationQueryService(notificationStore, readPositions, clientEvents, access);
        pushers = new PusherService(pusherStore, stream, server.clock);
        editHistory = new EditHistoryService(events, history);
    }

    /** Registers {@code localpart} and returns who they are when they call with their first access token. */
    public Requester register(String localpart) {
        return server.authenticate(server.register(localpart, password(localpart)));
    }

    /** The password {@link #register} gave the user, to log in on another device. */
    public static String password(String localpart) {
        return "password of " + localpart;
    }

    /** Creates a room with the preset and invitees, of the default version; returns its id. */
    public String createRoom(Requester creator, String preset, String... invitees) {
        return createRoomOfVersion(creator, null, preset, invitees);
    }

    public String createRoomOfVersion(Requester creator, String roomVersion, String preset, String... invitees) {
        return createRoom.create(new CreateRoomCommand(creator, preset, null, null, null, null, List.of(invitees),
                null, null, null, false, roomVersion)).roomId();
    }

    /** Sends a text message under a fresh transaction id; returns its event id. */
    public String say(Requester sender, String roomId, String body) {
        return sendEvent.send(sender, roomId, "m.room.message", text(body), "txn" + txnCounter.incrementAndGet());
    }

    public static JsonObject text(String body) {
        return JsonObject.builder().put("msgtype", "m.text").put("body", body).build();
    }

    /** The bodies of the messages {@code reader} sees in the room's whole history, oldest first. */
    public List<String> messagesSeenBy(Requester reader, String roomId) {
        MessagesPage page = queries.messages(reader, roomId, null, null, false, 1000);
        return page.chunk().stream()
                .filter(e -> e.string("type").orElseThrow().equals("m.room.message"))
                .map(e -> e.object("content").flatMap(c -> c.string("body")).orElse(null))
                .toList();
    }

    /** The refusal the call ends in; fails the test if it ends otherwise. */
    public static DomainException refusal(ThrowingCallable call) {
        DomainException refusal = catchThrowableOfType(DomainException.class, call);
        if (refusal == null) {
            throw new AssertionError("Expected a refusal (DomainException), but the call succeeded");
        }
        return refusal;
    }
}
