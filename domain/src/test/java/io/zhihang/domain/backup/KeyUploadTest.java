package io.zhihang.domain.backup;

import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyUploadTest {
    private static final String KEY = """
            {"first_message_index":%d,"forwarded_count":%d,"is_verified":%s,
             "session_data":{"ephemeral":"e","ciphertext":"c","mac":"m"}}""";

    private static JsonObject key(long index, long forwards, boolean verified) {
        return Json.parseClientData(KEY.formatted(index, forwards, verified));
    }

    @Test
    void the_three_levels_name_the_same_session() {
        JsonObject k = key(1, 0, true);
        JsonObject all = JsonObject.builder().put("rooms", JsonObject.builder()
                .put("!r:x", JsonObject.builder().put("sessions", JsonObject.builder().put("s1", k).build()).build())
                .build()).build();
        JsonObject room = JsonObject.builder().put("sessions", JsonObject.builder().put("s1", k).build()).build();
        BackupSession s1 = new BackupSession("!r:x", "s1");

        assertThat(KeyUpload.ofAll(all).keys()).containsOnlyKeys(s1);
        assertThat(KeyUpload.ofRoom("!r:x", room).keys()).containsOnlyKeys(s1);
        assertThat(KeyUpload.ofSession("!r:x", "s1", k).keys()).containsOnlyKeys(s1);
        assertThat(KeyUpload.ofSession("!r:x", "s1", k).keys().get(s1))
                .isEqualTo(new BackedUpKey(1, 0, true, k));
    }

    @Test
    void the_key_is_kept_exactly_as_uploaded_with_unknown_members() {
        JsonObject k = key(0, 0, false).with("org.example.extra", JsonObject.EMPTY);

        assertThat(KeyUpload.ofSession("!r:x", "s", k).keys().values()).singleElement()
                .extracting(BackedUpKey::json).isEqualTo(k);
    }

    @Test
    void an_empty_upload_changes_nothing() {
        KeyUpload upload = KeyUpload.ofAll(Json.parseClientData("{\"rooms\":{}}"));

        assertThat(upload.keys()).isEmpty();
        assertThat(upload.against(Map.of()).isEmpty()).isTrue();
    }

    @Test
    void new_sessions_are_added_and_stored_keys_replaced_only_by_better_ones() {
        BackupSession fresh = new BackupSession("!r:x", "fresh");
        BackupSession better = new BackupSession("!r:x", "better");
        BackupSession worse = new BackupSession("!r:x", "worse");
        KeyUpload upload = new KeyUpload(Map.of(
                fresh, BackedUpKey.parse(key(5, 0, false), "k"),
                better, BackedUpKey.parse(key(0, 0, false), "k"),
                worse, BackedUpKey.parse(key(9, 0, false), "k")));
        Map<BackupSession, BackedUpKey> stored = Map.of(
                better, BackedUpKey.parse(key(3, 0, false), "k"),
                worse, BackedUpKey.parse(key(3, 0, false), "k"));

        KeyChanges changes = upload.against(stored);

        assertThat(changes.added()).containsOnlyKeys(fresh);
        assertThat(changes.replaced()).containsOnlyKeys(better);
        assertThat(changes.isEmpty()).isFalse();
    }

    @Test
    void malformed_bodies_are_bad_json_naming_the_place() {
        assertRefused(() -> KeyUpload.ofAll(JsonObject.EMPTY), ErrorKind.BAD_JSON, "rooms must be an object");
        assertRefused(() -> KeyUpload.ofAll(Json.parseClientData("{\"rooms\":{\"!r:x\":[]}}")),
                ErrorKind.BAD_JSON, "rooms.!r:x must be an object");
        assertRefused(() -> KeyUpload.ofRoom("!r:x", Json.parseClientData("{\"sessions\":{\"s\":1}}")),
                ErrorKind.BAD_JSON, "sessions.s must be an object");
        assertRefused(() -> KeyUpload.ofRoom("!r:x", JsonObject.EMPTY), ErrorKind.BAD_JSON,
                "sessions must be an object");
        assertRefused(() -> KeyUpload.ofSession("!r:x", "s", key(0, 0, true).without("session_data")),
                ErrorKind.BAD_JSON, "body.session_data must be an object");
        assertRefused(() -> KeyUpload.ofSession("!r:x", "s", key(0, 0, true).with("is_verified",
                        new io.zhihang.domain.protocol.json.JsonString("yes"))),
                ErrorKind.BAD_JSON, "body.is_verified must be a boolean");
        assertRefused(() -> KeyUpload.ofSession("!r:x", "s", key(0, 0, true).without("first_message_index")),
                ErrorKind.BAD_JSON, "body.first_message_index must be an integer");
        assertRefused(() -> KeyUpload.ofSession("!r:x", "s", Json.parseClientData(
                        KEY.formatted(0, 0, true).replace("\"forwarded_count\":0", "\"forwarded_count\":1.5"))),
                ErrorKind.BAD_JSON, "body.forwarded_count must be an integer");
        assertRefused(() -> KeyUpload.ofSession("!r:x", "s", key(-1, 0, true)), ErrorKind.INVALID_PARAM,
                "body: first_message_index and forwarded_count must not be negative");
    }

    @Test
    void room_and_session_ids_must_fit_the_store() {
        assertRefused(() -> KeyUpload.ofAll(Json.parseClientData("{\"rooms\":{\"\":{\"sessions\":{}}}}")),
                ErrorKind.INVALID_PARAM, "The room id must not be empty");
        assertRefused(() -> KeyUpload.ofSession("!r:x", "s".repeat(256), key(0, 0, true)),
                ErrorKind.INVALID_PARAM, "The session id is longer than 255 characters");
    }

    private static void assertRefused(Runnable parse, ErrorKind kind, String message) {
        assertThatThrownBy(parse::run).isInstanceOf(DomainException.class).hasMessage(message)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(kind);
    }
}
