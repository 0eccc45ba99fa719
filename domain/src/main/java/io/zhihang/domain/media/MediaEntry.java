package io.zhihang.domain.media;

/** A media id the server handed out: either still waiting for its bytes ({@code /create}) or uploaded. */
public sealed interface MediaEntry permits PendingMedia, MediaInfo {
    MediaId mediaId();
}
