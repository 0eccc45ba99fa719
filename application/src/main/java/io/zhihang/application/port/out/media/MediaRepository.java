package io.zhihang.application.port.out.media;

import io.zhihang.domain.media.MediaEntry;
import io.zhihang.domain.media.MediaId;
import io.zhihang.domain.media.MediaInfo;
import io.zhihang.domain.media.PendingMedia;
import io.zhihang.domain.shared.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The metadata of local media: reservations from {@code /create} and uploaded content. */
public interface MediaRepository {
    void insert(MediaInfo media);

    void reserve(PendingMedia pending);

    /** Gives a reservation its content; false when it had content already (or vanished). */
    boolean fill(MediaInfo media);

    Optional<MediaEntry> find(MediaId mediaId);

    /** The user's reservations still waiting for content at {@code now}. */
    PendingUploads pending(UserId user, Instant now);

    /** Forgets reservations that lapsed unused; returns how many. */
    int deleteLapsed(Instant now);

    /** Forgets a media id and its thumbnails; returns the SHA-256 of the content they had. */
    List<String> delete(MediaId mediaId);

    /** Whether any media (or thumbnail) still refers to these bytes. */
    boolean referenced(String sha256);

    /** How many of a user's reservations are open, and when the first of them lapses. */
    record PendingUploads(int count, Instant oldestExpiry) {
    }
}
