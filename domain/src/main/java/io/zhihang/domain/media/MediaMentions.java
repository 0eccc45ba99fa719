package io.zhihang.domain.media;

import io.zhihang.domain.protocol.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * The media an event's content names, as Synapse finds it for its room media admin API: {@code url} and
 * {@code info.thumbnail_url} when they are {@code mxc://server/media-id} URIs. Encrypted events name nothing
 * the server can read.
 */
public final class MediaMentions {
    private static final String SCHEME = "mxc://";

    private MediaMentions() {
    }

    public static List<String> in(JsonObject content) {
        List<String> out = new ArrayList<>();
        content.string("url").filter(MediaMentions::isMxc).ifPresent(out::add);
        content.object("info").flatMap(info -> info.string("thumbnail_url")).filter(MediaMentions::isMxc)
                .ifPresent(out::add);
        return out;
    }

    /** The server name of an {@code mxc://server/media-id} URI. */
    public static String serverOf(String mxc) {
        String rest = mxc.substring(SCHEME.length());
        return rest.substring(0, rest.indexOf('/'));
    }

    /** The media id of an {@code mxc://server/media-id} URI. */
    public static String mediaIdOf(String mxc) {
        String rest = mxc.substring(SCHEME.length());
        return rest.substring(rest.indexOf('/') + 1);
    }

    public static boolean isMxc(String uri) {
        if (!uri.startsWith(SCHEME)) {
            return false;
        }
        String rest = uri.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        return slash > 0 && MediaId.isValid(rest.substring(slash + 1));
    }
}
