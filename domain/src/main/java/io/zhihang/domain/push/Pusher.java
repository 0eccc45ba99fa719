package io.zhihang.domain.push;

import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * A pusher: where the homeserver sends a user's notifications. Only {@code http} pushers are accepted (email
 * pushers need an email address on the account, which this server does not keep). Each notification is posted to
 * the push gateway at {@code data.url} as {@link GatewayNotification} builds it; retries follow
 * {@link PushRetryPolicy}, and a gateway that rejects the pushkey removes the pusher.
 *
 * @param data {@code url} (the push gateway's {@code /_matrix/push/v1/notify}), optionally {@code format}
 *             ({@code event_id_only}) and anything else the app's gateway wants, passed on without {@code url}
 */
public record Pusher(String pushkey, String kind, String appId, String appDisplayName, String deviceDisplayName,
                     String profileTag, String lang, JsonObject data) {
    public static final String HTTP = "http";
    public static final String NOTIFY_PATH = "/_matrix/push/v1/notify";
    public static final int MAX_PUSHKEY_BYTES = 512;
    public static final int MAX_APP_ID_LENGTH = 64;

    public Pusher {
        require(pushkey, "pushkey");
        require(kind, "kind");
        require(appId, "app_id");
        require(appDisplayName, "app_display_name");
        require(deviceDisplayName, "device_display_name");
        require(lang, "lang");
        if (data == null) {
            throw DomainException.missingParam("Missing 'data'");
        }
        if (pushkey.getBytes(StandardCharsets.UTF_8).length > MAX_PUSHKEY_BYTES) {
            throw DomainException.invalidParam("pushkey is longer than " + MAX_PUSHKEY_BYTES + " bytes");
        }
        if (appId.length() > MAX_APP_ID_LENGTH) {
            throw DomainException.invalidParam("app_id is longer than " + MAX_APP_ID_LENGTH + " characters");
        }
        if (!HTTP.equals(kind)) {
            throw DomainException.invalidParam("Unsupported pusher kind '" + kind + "'; only 'http' is supported");
        }
        checkGatewayUrl(data.string("url").orElseThrow(
                () -> DomainException.missingParam("'url' required in data for HTTP pusher")));
        if (data.has("format") && data.string("format").isEmpty()) {
            throw DomainException.invalidParam("data.format must be a string");
        }
    }

    private static void require(String value, String name) {
        if (value == null) {
            throw DomainException.missingParam("Missing '" + name + "'");
        }
    }

    /** The gateway must be an http(s) URL whose path is the push gateway API's, as Synapse checks. */
    private static void checkGatewayUrl(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw DomainException.invalidParam("'url' must be an http(s) URL");
            }
            if (!NOTIFY_PATH.equals(uri.getPath())) {
                throw DomainException.invalidParam("'url' must have a path of '" + NOTIFY_PATH + "'");
            }
        } catch (URISyntaxException e) {
            throw DomainException.invalidParam("'url' is not a valid URL");
        }
    }

    /** The pusher as {@code GET /pushers} lists it. */
    public JsonObject toJson() {
        JsonObject.Builder json = JsonObject.builder()
                .put("pushkey", pushkey)
                .put("kind", kind)
                .put("app_id", appId)
                .put("app_display_name", appDisplayName)
                .put("device_display_name", deviceDisplayName);
        if (profileTag != null) {
            json.put("profile_tag", profileTag);
        }
        return json.put("lang", lang).put("data", data).build();
    }
}
