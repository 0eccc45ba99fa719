package io.zhihang.domain.push;

import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PusherTest {
    private static final JsonObject DATA = Json.parseObject(
            "{\"url\": \"https://push.example.org/_matrix/push/v1/notify\", \"format\": \"event_id_only\"}");

    private static ErrorKind refusal(String kind, JsonObject data) {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> new Pusher("key", kind, "org.example.app", "App", "Phone", null, "en", data));
        assertThat(e).isNotNull();
        return e.kind();
    }

    @Test
    void an_http_pusher_lists_what_was_set() {
        Pusher pusher = new Pusher("key", "http", "org.example.app", "App", "Phone", "tag", "en", DATA);

        assertThat(pusher.toJson()).isEqualTo(Json.parseObject("""
                {"pushkey": "key", "kind": "http", "app_id": "org.example.app", "app_display_name": "App",
                 "device_display_name": "Phone", "profile_tag": "tag", "lang": "en",
                 "data": {"url": "https://push.example.org/_matrix/push/v1/notify", "format": "event_id_only"}}"""));
    }

    @Test
    void http_pushers_need_a_gateway_url_with_the_notify_path() {
        assertThat(refusal("http", JsonObject.EMPTY)).isEqualTo(ErrorKind.MISSING_PARAM);
        assertThat(refusal("http", Json.parseObject("{\"url\": \"https://push.example.org/notify\"}")))
                .isEqualTo(ErrorKind.INVALID_PARAM);
        assertThat(refusal("http", Json.parseObject("{\"url\": \"ftp://push.example.org/_matrix/push/v1/notify\"}")))
                .isEqualTo(ErrorKind.INVALID_PARAM);
        assertThat(refusal("email", DATA)).isEqualTo(ErrorKind.INVALID_PARAM);
        assertThat(refusal(null, DATA)).isEqualTo(ErrorKind.MISSING_PARAM);
    }
}
