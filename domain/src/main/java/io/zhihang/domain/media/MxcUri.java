package io.zhihang.domain.media;

import io.zhihang.domain.shared.ServerName;

/** {@code mxc://<server-name>/<media-id>}: where a piece of content lives, as clients put it in events. */
public record MxcUri(ServerName serverName, MediaId mediaId) {

    @Override
    public String toString() {
        return "mxc://" + serverName.value() + "/" + mediaId.value();
    }
}
