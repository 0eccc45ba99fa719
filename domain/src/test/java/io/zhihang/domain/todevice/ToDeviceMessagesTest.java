package io.zhihang.domain.todevice;

import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ToDeviceMessagesTest {
    private static final UserId BOB = UserId.parse("@bob:example.org");

    private static ToDeviceMessages parse(String json) {
        return ToDeviceMessages.parse(Json.parseClientData("{\"m\":" + json + "}").get("m").orElseThrow());
    }

    @Test
    void named_devices_get_their_own_content_as_written() {
        ToDeviceMessages messages = parse("""
                {"@bob:example.org": {"PHONE": {"n": 1, "f": 0.5, "s": "ü"}, "LAPTOP": {}}}""");
        assertThat(messages.recipients()).containsOnlyKeys(BOB);
        ToDeviceMessages.Targets targets = messages.recipients().get(BOB);
        assertThat(targets.allDevices()).isNull();
        assertThat(targets.byDevice()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "PHONE", "{\"f\":0.5,\"n\":1,\"s\":\"ü\"}", "LAPTOP", "{}"));
    }

    @Test
    void a_lone_star_means_every_device() {
        ToDeviceMessages.Targets targets = parse("{\"@bob:example.org\": {\"*\": {\"k\": true}}}")
                .recipients().get(BOB);
        assertThat(targets.allDevices()).isEqualTo("{\"k\":true}");
        assertThat(targets.byDevice()).isEmpty();
    }

    @Test
    void a_star_next_to_named_devices_names_no_device_as_in_synapse() {
        ToDeviceMessages.Targets targets = parse("{\"@bob:example.org\": {\"*\": {\"all\": 1}, \"PHONE\": {}}}")
                .recipients().get(BOB);
        assertThat(targets.allDevices()).isNull();
        assertThat(targets.byDevice()).containsOnlyKeys("PHONE");
    }

    @Test
    void malformed_user_ids_and_users_without_devices_are_dropped() {
        assertThat(parse("{\"not a user\": {\"D\": {}}, \"@bob:example.org\": {}}").recipients()).isEmpty();
    }

    @Test
    void anything_but_an_object_of_objects_of_objects_is_bad_json() {
        for (String bad : new String[]{"[]", "\"x\"", "{\"@bob:example.org\": []}",
                "{\"@bob:example.org\": {\"D\": \"text\"}}", "{\"@bob:example.org\": {\"D\": null}}"}) {
            assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_JSON));
        }
        assertThatThrownBy(() -> ToDeviceMessages.parse(new JsonString("x"))).isInstanceOf(DomainException.class);
    }

    @Test
    void a_content_over_64_kib_is_too_large() {
        String big = "x".repeat(ToDeviceMessages.MAX_CONTENT_BYTES);
        assertThatThrownBy(() -> parse("{\"@bob:example.org\": {\"D\": {\"b\": \"" + big + "\"}}}"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.TOO_LARGE));
        String fits = "x".repeat(ToDeviceMessages.MAX_CONTENT_BYTES - "{\"b\":\"\"}".length());
        assertThat(parse("{\"@bob:example.org\": {\"D\": {\"b\": \"" + fits + "\"}}}").recipients()).hasSize(1);
        // Bytes count, not characters.
        String wide = "é".repeat(ToDeviceMessages.MAX_CONTENT_BYTES / 2);
        assertThatThrownBy(() -> parse("{\"@bob:example.org\": {\"D\": {\"b\": \"" + wide + "\"}}}"))
                .isInstanceOf(DomainException.class);
    }
}
