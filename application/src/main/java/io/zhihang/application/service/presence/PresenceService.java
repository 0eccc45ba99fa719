package io.zhihang.application.service.presence;

import io.zhihang.application.config.PresenceSettings;
import io.zhihang.application.port.in.presence.MarkIdleUseCase;
import io.zhihang.application.port.in.presence.PresenceQueries;
import io.zhihang.application.port.in.presence.SetPresenceUseCase;
import io.zhihang.application.port.out.PresenceRepository;
import io.zhihang.application.port.out.room.RoomStateStore;
import io.zhihang.application.service.stream.SyncActivity;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.presence.Presence;
import io.zhihang.domain.presence.PresenceState;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Presence of local users, stored with a stream position (so it survives restarts and every instance sees it), with
 * Synapse's rules for what is stored and who hears of it ({@link Presence}). A change others must hear of fires
 * {@link SyncActivity} for the user and everyone who shares a joined room with them.
 */
@ApplicationScoped
public class PresenceService implements SetPresenceUseCase, PresenceQueries, MarkIdleUseCase {
    /** How long a sync's presence is taken as still true without reading it again (well under the minute). */
    private static final java.time.Duration SYNC_RECHECK = java.time.Duration.ofSeconds(20);
    private static final int MAX_RECENT = 100_000;

    private record Recent(PresenceState state, Instant at) {
    }

    private static final JsonObject OFFLINE = JsonObject.builder().put("presence", "offline").build();

    private final PresenceRepository presences;
    private final RoomStateStore state;
    private final PresenceSettings settings;
    private final InstantSource clock;
    private final java.util.concurrent.ConcurrentHashMap<String, Recent> recentSyncs =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final Event<SyncActivity> activity;

    public PresenceService(PresenceRepository presences, RoomStateStore state, PresenceSettings settings,
                           InstantSource clock, Event<SyncActivity> activity) {
        this.presences = presences;
        this.state = state;
        this.settings = settings;
        this.clock = clock;
        this.activity = activity;
    }

    @Override
    @Transactional
    public void setPresence(Requester requester, UserId target, String presence, String statusMsg) {
        if (!requester.userId().equals(target)) {
            throw DomainException.forbidden("Can only set your own presence state");
        }
        if (!settings.enabled()) {
            return;
        }
        PresenceState newState = PresenceState.parse(presence);
        Instant now = clock.instant();
        String userId = target.toString();
        Presence old = current(userId);
        record(userId, old, old.set(newState, statusMsg, now));
    }

    @Override
    @Transactional
    public void setPresenceFromSync(String userId, String presence, Instant now) {
        PresenceState newState = presence == null ? PresenceState.ONLINE : PresenceState.parse(presence);
        if (!settings.enabled() || newState == PresenceState.OFFLINE) {
            return;
        }
        Recent recent = recentSyncs.get(userId);
        if (recent != null && recent.state() == newState && now.isBefore(recent.at().plus(SYNC_RECHECK))) {
            return; // nothing to store: the last sync said the same moments ago (last_active is kept per minute)
        }
        Presence old = current(userId);
        record(userId, old, old.fromSync(newState, now));
        if (recentSyncs.size() > MAX_RECENT) {
            recentSyncs.clear();
        }
        recentSyncs.put(userId, new Recent(newState, now));
    }

    @Override
    @Transactional
    public void markIdle(Instant now) {
        if (!settings.enabled()) {
            return;
        }
        for (PresenceRepository.Stored stored : presences.onlineInactiveSince(now.minus(Presence.IDLE_TIMER))) {
            record(stored.userId(), stored.presence(), stored.presence().idle(now));
        }
    }

    @Override
    @Transactional
    public JsonObject presence(Requester requester, UserId target) {
        if (!settings.enabled()) {
            return OFFLINE;
        }
        String viewer = requester.userId().toString();
        String userId = target.toString();
        if (!viewer.equals(userId) && !state.shareARoom(viewer, userId)) {
            throw DomainException.forbidden("You are not allowed to see their presence.");
        }
        return current(userId).content(clock.instant());
    }

    @Override
    @Transactional
    public long presencePosition() {
        return presences.position();
    }

    @Override
    @Transactional
    public List<JsonObject> presenceSince(String viewerId, long since, Instant now) {
        if (!settings.enabled()) {
            return List.of();
        }
        long from = since > presences.position() ? 0 : since;   // a position from a restored database: start over
        return presences.changedSince(viewerId, from).stream()
                .map(stored -> JsonObject.builder()
                        .put("type", "m.presence")
                        .put("sender", stored.userId())
                        .put("content", stored.presence().content(now))
                        .build())
                .toList();
    }

    @Override
    public List<JsonObject> presenceOf(java.util.Collection<String> userIds, Instant now) {
        if (!settings.enabled() || userIds.isEmpty()) {
            return List.of();
        }
        return presences.findAll(userIds).stream().map(stored -> JsonObject.builder()
                .put("type", "m.presence")
                .put("sender", stored.userId())
                .put("content", stored.presence().content(now))
                .build()).toList();
    }

    private Presence current(String userId) {
        return presences.find(userId).orElse(Presence.OFFLINE);
    }

    private void record(String userId, Presence old, Presence next) {
        recentSyncs.remove(userId);
        if (!next.worthStoring(old)) {
            return;
        }
        presences.save(userId, next);
        if (next.worthNotifying(old)) {
            activity.fire(SyncActivity.ofUsers(withSelf(userId, state.roomMates(userId))));
        }
    }

    private static Set<String> withSelf(String userId, Set<String> mates) {
        Set<String> all = new HashSet<>(mates);
        all.add(userId);
        return all;
    }
}
