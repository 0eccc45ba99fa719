package io.zhihang.application.service.admin.notices;

import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.config.ServerNoticeSettings;
import io.zhihang.application.port.in.admin.notices.SendServerNoticeCommand;
import io.zhihang.application.port.in.admin.notices.SendServerNoticeUseCase;
import io.zhihang.application.port.in.room.CreateRoomCommand;
import io.zhihang.application.port.in.room.CreateRoomUseCase;
import io.zhihang.application.port.in.userdata.RoomTagsUseCase;
import io.zhihang.application.port.out.AccountRepository;
import io.zhihang.application.port.out.ProfileRepository;
import io.zhihang.application.port.out.UserPairLock;
import io.zhihang.application.port.out.admin.ServerNoticeRooms;
import io.zhihang.application.port.out.room.TxnIdStore;
import io.zhihang.application.service.admin.AdminAudit;
import io.zhihang.application.service.room.InTransactionSender;
import io.zhihang.application.service.room.RoomAccess;
import io.zhihang.domain.account.Account;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.notice.ServerNoticeRoom;
import io.zhihang.domain.profile.Profile;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Synapse's {@code ServerNoticesManager}: the system user (an account without a password, made on first use) posts
 * the notice in the user's server-notices room, made on first use (private, the user invited, tagged
 * {@code m.server_notice} for them) and again whenever the user is no longer invited or joined. Everything, the audit
 * entry included, is one transaction under the recipient's row lock, so two notices to one user find one room.
 */
@ApplicationScoped
public class ServerNoticeService implements SendServerNoticeUseCase {
    /**
     * The device under which the PUT form's transaction ids are kept, as the system user's: nobody syncs as that
     * device, so no client is shown these ids.
     */
    static final DeviceId TXN_DEVICE = new DeviceId("send_server_notice");

    private final ServerNoticeSettings notices;
    private final HomeserverSettings settings;
    private final AccountRepository accounts;
    private final ProfileRepository profiles;
    private final UserPairLock locks;
    private final ServerNoticeRooms noticeRooms;
    private final RoomAccess access;
    private final CreateRoomUseCase createRoom;
    private final RoomTagsUseCase tags;
    private final InTransactionSender sender;
    private final TxnIdStore txnIds;
    private final AdminAudit audit;
    private final InstantSource clock;

    public ServerNoticeService(ServerNoticeSettings notices, HomeserverSettings settings, AccountRepository accounts,
                               ProfileRepository profiles, UserPairLock locks, ServerNoticeRooms noticeRooms,
                               RoomAccess access, CreateRoomUseCase createRoom, RoomTagsUseCase tags,
                               InTransactionSender sender, TxnIdStore txnIds, AdminAudit audit, InstantSource clock) {
        this.notices = notices;
        this.settings = settings;
        this.accounts = accounts;
        this.profiles = profiles;
        this.locks = locks;
        this.noticeRooms = noticeRooms;
        this.access = access;
        this.createRoom = createRoom;
        this.tags = tags;
        this.sender = sender;
        this.txnIds = txnIds;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public String send(Requester admin, String ip, SendServerNoticeCommand command) {
        admin.ensureAdmin();
        if (!notices.enabled()) {
            throw new DomainException(ErrorKind.UNKNOWN, "Server notices are not enabled on this server");
        }
        UserId target = parse(command.userId());
        ServerNoticeRoom.ensureRecipient(target, settings.serverName(), accounts.find(target));
        if (target.equals(notices.systemUser())) {
            throw DomainException.invalidParam("Server notices cannot be sent to the server notices user");
        }
        Instant now = clock.instant();
        UserId system = systemUser(now);
        locks.lock(target, target);
        String txnKey = command.txnId() == null ? null : txnKey(admin, command.txnId());
        Optional<String> earlier = txnKey == null ? Optional.empty() : txnIds.find(system, TXN_DEVICE, txnKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        String roomId = roomFor(target, system);
        String eventId = switch (sender.send(system, null, roomId, command.type(), command.stateKey(),
                command.content(), null, now)) {
            case InTransactionSender.Outcome.Sent sent -> sent.eventId();
            case InTransactionSender.Outcome.Refused refused -> throw refused.reason();
        };
        if (txnKey != null) {
            txnIds.save(system, TXN_DEVICE, txnKey, eventId, now);
        }
        JsonObject.Builder details = JsonObject.builder().put("room_id", roomId).put("event_id", eventId)
                .put("type", command.type());
        if (command.stateKey() != null) {
            details.put("state_key", command.stateKey());
        }
        audit.record(admin, ip, "send_server_notice", target.toString(), details.build());
        return eventId;
    }

    /** The system user, its account (no password: nobody logs in as it) and profile made on first use. */
    private UserId systemUser(Instant now) {
        UserId system = notices.systemUser();
        if (!accounts.exists(system)) {
            accounts.insert(new Account(system, null, false, false, now));
        }
        Profile wanted = new Profile(notices.displayName(), notices.avatarUrl());
        if (!profiles.find(system).map(wanted::equals).orElse(false)) {
            profiles.save(system, wanted);
        }
        return system;
    }

    /** The user's server-notices room while it still serves; otherwise a new one, remembered. */
    private String roomFor(UserId target, UserId system) {
        Optional<String> known = noticeRooms.roomOf(target).filter(roomId -> ServerNoticeRoom.stillServes(
                access.membership(roomId, target.toString()).orElse(null),
                access.membership(roomId, system.toString()).orElse(null)));
        if (known.isPresent()) {
            return known.get();
        }
        String roomId = createRoom.create(new CreateRoomCommand(actingAs(system), "private_chat", null, null,
                notices.roomName(), null, List.of(target.toString()), List.of(),
                ServerNoticeRoom.powerLevelOverride(), null, false, null)).roomId();
        noticeRooms.remember(target, roomId);
        // Synapse tags the room for the user as soon as it exists (the user is invited by now).
        tags.putTag(actingAs(target), target.toString(), roomId, ServerNoticeRoom.TAG, JsonObject.EMPTY);
        return roomId;
    }

    /**
     * The key of a PUT's transaction id: Synapse keys its cache by the admin's access token and the path; here by
     * the admin and device, hashed so that any id fits the column.
     */
    private static String txnKey(Requester admin, String txnId) {
        String device = admin.deviceId() == null ? "" : admin.deviceId().value();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (admin.userId() + "\n" + device + "\n" + txnId).getBytes(StandardCharsets.UTF_8));
            return "notice:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    private static UserId parse(String userId) {
        try {
            return UserId.parse(userId);
        } catch (DomainException e) {
            throw DomainException.invalidParam("Invalid user id: " + userId);
        }
    }

    /** The server acting for a user, as Synapse's {@code create_requester}: no device, no token. */
    private static Requester actingAs(UserId user) {
        return new Requester(user, null, null, false);
    }
}
