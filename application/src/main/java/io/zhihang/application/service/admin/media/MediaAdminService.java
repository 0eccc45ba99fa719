package io.zhihang.application.service.admin.media;

import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.port.in.admin.media.DeleteMediaUseCase;
import io.zhihang.application.port.in.admin.media.MediaAdminQueries;
import io.zhihang.application.port.in.admin.media.ModerateMediaUseCase;
import io.zhihang.application.port.in.admin.media.UserMediaQuery;
import io.zhihang.application.port.out.AccountRepository;
import io.zhihang.application.port.out.media.MediaAdminRepository;
import io.zhihang.application.port.out.media.MediaAdminRepository.MediaPage;
import io.zhihang.application.port.out.media.MediaAdminRepository.StoredMedia;
import io.zhihang.application.port.out.media.MediaAdminRepository.UsagePage;
import io.zhihang.application.port.out.media.MediaAdminRepository.UsageQuery;
import io.zhihang.application.port.out.media.MediaReferences;
import io.zhihang.application.service.admin.AdminAudit;
import io.zhihang.application.service.media.MediaLedger;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.media.MediaId;
import io.zhihang.domain.media.MediaMentions;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.RoomId;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Synapse's media admin API over the local media repository. Only local media exists here (no remote media is
 * cached), so remote media is unknown and purging the remote cache deletes nothing. Every change is audited in its
 * own transaction; deleted bytes go after the commit, once no other media refers to them.
 */
@ApplicationScoped
public class MediaAdminService implements MediaAdminQueries, ModerateMediaUseCase, DeleteMediaUseCase {
    private final HomeserverSettings settings;
    private final MediaAdminRepository media;
    private final MediaReferences references;
    private final AccountRepository accounts;
    private final MediaLedger ledger;
    private final AdminAudit audit;
    private final InstantSource clock;

    public MediaAdminService(HomeserverSettings settings, MediaAdminRepository media, MediaReferences references,
                             AccountRepository accounts, MediaLedger ledger, AdminAudit audit, InstantSource clock) {
        this.settings = settings;
        this.media = media;
        this.references = references;
        this.accounts = accounts;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public RoomMedia roomMedia(Requester admin, RoomId roomId) {
        admin.ensureAdmin();
        return mediaOfRoom(roomId);
    }

    @Override
    @Transactional
    public StoredMedia media(Requester admin, String serverName, String mediaId) {
        admin.ensureAdmin();
        return existing(serverName, mediaId);
    }

    @Override
    @Transactional
    public MediaPage userMedia(Requester admin, UserId user, UserMediaQuery query) {
        admin.ensureAdmin();
        localUser(user);
        return media.uploadedBy(user, query.order(), query.backwards(), query.from(), query.limit());
    }

    @Override
    @Transactional
    public UsagePage usage(Requester admin, UsageQuery query) {
        admin.ensureAdmin();
        return media.usage(query);
    }

    @Override
    @Transactional
    public void quarantine(Requester admin, String ip, String serverName, String mediaId) {
        admin.ensureAdmin();
        StoredMedia stored = existing(serverName, mediaId);
        int changed = media.quarantine(List.of(stored.mediaId()), admin.userId());
        audit.record(admin, ip, "quarantine_media", mxc(stored.mediaId()),
                JsonObject.builder().put("quarantined", changed).build());
    }

    @Override
    @Transactional
    public void unquarantine(Requester admin, String ip, String serverName, String mediaId) {
        admin.ensureAdmin();
        StoredMedia stored = existing(serverName, mediaId);
        media.unquarantine(stored.mediaId());
        audit.record(admin, ip, "unquarantine_media", mxc(stored.mediaId()), JsonObject.EMPTY);
    }

    @Override
    @Transactional
    public int quarantineRoom(Requester admin, String ip, RoomId roomId) {
        admin.ensureAdmin();
        List<MediaId> local = mediaOfRoom(roomId).local().stream()
                .map(uri -> new MediaId(MediaMentions.mediaIdOf(uri))).toList();
        int changed = media.quarantine(local, admin.userId());
        audit.record(admin, ip, "quarantine_room_media", roomId.value(),
                JsonObject.builder().put("quarantined", changed).build());
        return changed;
    }

    @Override
    @Transactional
    public int quarantineUser(Requester admin, String ip, UserId user) {
        admin.ensureAdmin();
        localUser(user);
        int changed = media.quarantineUploadedBy(user, admin.userId());
        audit.record(admin, ip, "quarantine_user_media", user.toString(),
                JsonObject.builder().put("quarantined", changed).build());
        return changed;
    }

    @Override
    @Transactional
    public void protect(Requester admin, String ip, String mediaId, boolean safe) {
        admin.ensureAdmin();
        StoredMedia stored = existing(settings.serverName().value(), mediaId);
        media.protect(stored.mediaId(), safe);
        audit.record(admin, ip, safe ? "protect_media" : "unprotect_media", mxc(stored.mediaId()), JsonObject.EMPTY);
    }

    @Override
    @Transactional
    public List<String> delete(Requester admin, String ip, String serverName, String mediaId) {
        admin.ensureAdmin();
        if (!isLocal(serverName)) {
            throw new DomainException(ErrorKind.UNKNOWN, "Can only delete local media");
        }
        StoredMedia stored = existing(serverName, mediaId);
        return deleteAll(admin, ip, "delete_media", mxc(stored.mediaId()), List.of(stored.mediaId()));
    }

    @Override
    @Transactional
    public List<String> deleteUserMedia(Requester admin, String ip, UserId user, UserMediaQuery query) {
        admin.ensureAdmin();
        localUser(user);
        List<MediaId> page = media.uploadedBy(user, query.order(), query.backwards(), query.from(), query.limit())
                .media().stream().filter(m -> !m.safeFromQuarantine()).map(StoredMedia::mediaId).toList();
        return deleteAll(admin, ip, "delete_user_media", user.toString(), page);
    }

    @Override
    @Transactional
    public List<String> deleteOld(Requester admin, String ip, Instant before, long sizeGt, boolean keepProfiles) {
        admin.ensureAdmin();
        Set<String> avatars = keepProfiles ? references.avatarUris() : Set.of();
        List<MediaId> old = media.unprotectedCreatedBefore(before, sizeGt).stream()
                .filter(id -> !avatars.contains(mxc(id))).toList();
        return deleteAll(admin, ip, "delete_old_media", null, old);
    }

    @Override
    @Transactional
    public int purgeRemoteCache(Requester admin, String ip, Instant before) {
        admin.ensureAdmin();
        audit.record(admin, ip, "purge_media_cache", null,
                JsonObject.builder().put("before_ts", before.toEpochMilli()).put("deleted", 0).build());
        return 0;
    }

    private List<String> deleteAll(Requester admin, String ip, String action, String target, List<MediaId> ids) {
        Instant now = clock.instant();
        List<String> deleted = new ArrayList<>();
        for (MediaId id : ids) {
            ledger.deleteNow(id, now);
            deleted.add(id.value());
        }
        audit.record(admin, ip, action, target, JsonObject.builder().put("total", deleted.size()).build());
        return deleted;
    }

    private RoomMedia mediaOfRoom(RoomId roomId) {
        if (!references.roomExists(roomId)) {
            throw DomainException.notFound("Room not found");
        }
        Set<String> local = new LinkedHashSet<>();
        Set<String> remote = new LinkedHashSet<>();
        for (JsonObject content : references.contentsInRoom(roomId)) {
            for (String uri : MediaMentions.in(content)) {
                (isLocal(MediaMentions.serverOf(uri)) ? local : remote).add(uri);
            }
        }
        return new RoomMedia(List.copyOf(local), List.copyOf(remote));
    }

    private StoredMedia existing(String serverName, String mediaId) {
        if (!isLocal(serverName) || !MediaId.isValid(mediaId)) {
            throw DomainException.notFound("Unknown media");
        }
        return media.findStored(new MediaId(mediaId)).orElseThrow(() -> DomainException.notFound("Unknown media"));
    }

    private void localUser(UserId user) {
        if (!user.server().equals(settings.serverName())) {
            throw new DomainException(ErrorKind.UNKNOWN, "Can only look up local users");
        }
        if (!accounts.exists(user)) {
            throw DomainException.notFound("Unknown user");
        }
    }

    private boolean isLocal(String serverName) {
        return settings.serverName().value().equals(serverName);
    }

    private String mxc(MediaId id) {
        return "mxc://" + settings.serverName().value() + "/" + id.value();
    }
}
