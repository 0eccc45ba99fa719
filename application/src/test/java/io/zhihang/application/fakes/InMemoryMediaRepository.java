package io.zhihang.application.fakes;

import io.zhihang.application.port.out.media.MediaRepository;
import io.zhihang.domain.media.MediaEntry;
import io.zhihang.domain.media.MediaId;
import io.zhihang.domain.media.MediaInfo;
import io.zhihang.domain.media.PendingMedia;
import io.zhihang.domain.shared.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public class InMemoryMediaRepository implements MediaRepository {
    private final Map<MediaId, MediaEntry> entries = new ConcurrentHashMap<>();

    @Override
    public void insert(MediaInfo media) {
        entries.put(media.mediaId(), media);
    }

    @Override
    public void reserve(PendingMedia pending) {
        entries.put(pending.mediaId(), pending);
    }

    @Override
    public boolean fill(MediaInfo media) {
        return entries.computeIfPresent(media.mediaId(), (id, e) -> e instanceof PendingMedia ? media : e) == media;
    }

    @Override
    public Optional<MediaEntry> find(MediaId mediaId) {
        return Optional.ofNullable(entries.get(mediaId));
    }

    @Override
    public PendingUploads pending(UserId user, Instant now) {
        List<PendingMedia> open = entries.values().stream()
                .filter(e -> e instanceof PendingMedia p && p.creator().equals(user) && !p.expired(now))
                .map(PendingMedia.class::cast).toList();
        return new PendingUploads(open.size(), open.stream().map(PendingMedia::unusedExpiresAt).min(Instant::compareTo)
                .orElse(now));
    }

    @Override
    public int deleteLapsed(Instant now) {
        int before = entries.size();
        entries.values().removeIf(e -> e instanceof PendingMedia p && p.expired(now));
        return before - entries.size();
    }

    @Override
    public List<String> delete(MediaId mediaId) {
        MediaEntry removed = entries.remove(mediaId);
        return removed instanceof MediaInfo info ? List.of(info.sha256()) : List.of();
    }

    @Override
    public boolean referenced(String sha256) {
        return entries.values().stream().anyMatch(e -> e instanceof MediaInfo info && info.sha256().equals(sha256));
    }
}
