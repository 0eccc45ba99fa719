package io.zhihang.application.config;

import io.zhihang.domain.media.MediaUploadPolicy;
import io.zhihang.domain.media.ThumbnailSizes;
import io.zhihang.domain.ratelimit.RateLimit;

/**
 * The media repository's settings: upload limits, Synapse's {@code rc_media_create} rate limit (per user, on
 * {@code /upload} and {@code /create}; {@code rateLimited=false} switches it off) and the thumbnail sizes made.
 */
public record MediaSettings(MediaUploadPolicy uploads, boolean rateLimited, RateLimit create, ThumbnailSizes thumbnails) {

    /** Synapse's defaults: 50 MiB uploads, 10 creations a second with bursts of 50. */
    public static MediaSettings synapseDefaults() {
        return new MediaSettings(MediaUploadPolicy.SYNAPSE_DEFAULTS, true, new RateLimit(10, 50),
                ThumbnailSizes.defaults());
    }
}
