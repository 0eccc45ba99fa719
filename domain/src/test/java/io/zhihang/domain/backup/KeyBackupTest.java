package io.zhihang.domain.backup;

import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyBackupTest {
    private static final String ALGORITHM = "m.megolm_backup.v1.curve25519-aes-sha2";
    private static final BackupInfo INFO = new BackupInfo(ALGORITHM, Json.parseObject("{\"public_key\":\"abc\"}"));
    private static final BackedUpKey KEY = new BackedUpKey(0, 0, true, JsonObject.EMPTY);

    @Test
    void versions_are_positive_decimal_integers_and_anything_else_names_no_backup() {
        assertThat(BackupVersion.parse("1")).contains(BackupVersion.FIRST);
        assertThat(BackupVersion.parse("42")).contains(new BackupVersion(42));
        assertThat(BackupVersion.FIRST.next()).hasToString("2");
        for (String bad : new String[]{null, "", "0", "-1", "01", " 1", "1.0", "abc", "99999999999999999999"}) {
            assertThat(BackupVersion.parse(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }

    @Test
    void a_new_backup_has_no_keys_and_etag_zero() {
        KeyBackup backup = KeyBackup.create(BackupVersion.FIRST, INFO);

        assertThat(backup.count()).isZero();
        assertThat(backup.etagString()).isEqualTo("0");
    }

    @Test
    void the_etag_moves_when_an_upload_changes_keys_and_only_then() {
        KeyBackup backup = KeyBackup.create(BackupVersion.FIRST, INFO);
        BackupSession s = new BackupSession("!r:x", "s");

        KeyBackup added = backup.afterUpload(new KeyChanges(Map.of(s, KEY), Map.of()));
        KeyBackup replaced = added.afterUpload(new KeyChanges(Map.of(), Map.of(s, KEY)));
        KeyBackup unchanged = replaced.afterUpload(new KeyChanges(Map.of(), Map.of()));

        assertThat(added.count()).isEqualTo(1);
        assertThat(added.etag()).isEqualTo(1);
        assertThat(replaced.count()).isEqualTo(1);
        assertThat(replaced.etag()).isEqualTo(2);
        assertThat(unchanged).isEqualTo(replaced);
    }

    @Test
    void a_deletion_always_moves_the_etag() {
        KeyBackup backup = new KeyBackup(BackupVersion.FIRST, INFO, 3, 5);

        assertThat(backup.afterDeletion(2)).isEqualTo(new KeyBackup(BackupVersion.FIRST, INFO, 1, 6));
        assertThat(backup.afterDeletion(0)).isEqualTo(new KeyBackup(BackupVersion.FIRST, INFO, 3, 6));
    }

    @Test
    void an_update_may_change_auth_data_but_not_the_algorithm() {
        KeyBackup backup = new KeyBackup(BackupVersion.FIRST, INFO, 3, 5);
        JsonObject newAuth = Json.parseObject("{\"public_key\":\"def\"}");

        KeyBackup updated = backup.updatedBy(BackupInfoUpdate.replacing(new BackupInfo(ALGORITHM, newAuth)));

        assertThat(updated.info().authData()).isEqualTo(newAuth);
        assertThat(updated.etag()).isEqualTo(5);
        assertThat(backup.updatedBy(new BackupInfoUpdate(ALGORITHM, Optional.empty()))).isEqualTo(backup);
        assertThatThrownBy(() -> backup.updatedBy(BackupInfoUpdate.replacing(new BackupInfo("m.other", newAuth))))
                .isInstanceOf(DomainException.class).hasMessage("Algorithm does not match")
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(ErrorKind.INVALID_PARAM);
    }

    @Test
    void backup_info_needs_an_algorithm_string_and_an_auth_data_object() {
        assertThat(BackupInfo.fromRequest(Json.parseObject(
                "{\"algorithm\":\"" + ALGORITHM + "\",\"auth_data\":{\"public_key\":\"abc\"},\"extra\":1}")))
                .isEqualTo(INFO);
        assertKind(() -> BackupInfo.fromRequest(Json.parseObject("{\"auth_data\":{}}")), ErrorKind.MISSING_PARAM);
        assertKind(() -> BackupInfo.fromRequest(Json.parseObject("{\"algorithm\":\"a\"}")), ErrorKind.MISSING_PARAM);
        assertKind(() -> BackupInfo.fromRequest(Json.parseObject("{\"algorithm\":1,\"auth_data\":{}}")),
                ErrorKind.BAD_JSON);
        assertKind(() -> BackupInfo.fromRequest(Json.parseObject("{\"algorithm\":\"a\",\"auth_data\":\"x\"}")),
                ErrorKind.BAD_JSON);
        assertThat(BackupInfo.fromRequest(Json.parseObject("{\"algorithm\":\"\",\"auth_data\":{}}")).algorithm())
                .as("Synapse stores any algorithm string").isEmpty();
    }

    @Test
    void an_update_body_may_repeat_the_version_of_the_path_but_no_other() {
        String body = "{\"algorithm\":\"a\",\"auth_data\":{}";
        assertThat(BackupInfoUpdate.fromRequest(Json.parseObject(body + "}"), "3").algorithm()).isEqualTo("a");
        assertThat(BackupInfoUpdate.fromRequest(Json.parseObject(body + ",\"version\":\"3\"}"), "3").algorithm())
                .isEqualTo("a");
        assertKind(() -> BackupInfoUpdate.fromRequest(Json.parseObject(body + ",\"version\":\"4\"}"), "3"),
                ErrorKind.INVALID_PARAM);
        assertKind(() -> BackupInfoUpdate.fromRequest(Json.parseObject(body + ",\"version\":3}"), "3"),
                ErrorKind.INVALID_PARAM);
        assertKind(() -> BackupInfoUpdate.fromRequest(Json.parseObject("{\"version\":\"4\"}"), "3"),
                ErrorKind.INVALID_PARAM);
    }

    @Test
    void an_update_needs_the_algorithm_but_may_leave_out_auth_data_as_synapse_allows() {
        assertThat(BackupInfoUpdate.fromRequest(Json.parseObject("{\"algorithm\":\"a\"}"), "3"))
                .isEqualTo(new BackupInfoUpdate("a", Optional.empty()));
        assertKind(() -> BackupInfoUpdate.fromRequest(Json.parseObject("{\"auth_data\":{}}"), "3"),
                ErrorKind.MISSING_PARAM);
        assertKind(() -> BackupInfoUpdate.fromRequest(Json.parseObject("{\"algorithm\":1}"), "3"),
                ErrorKind.BAD_JSON);
        assertKind(() -> BackupInfoUpdate.fromRequest(Json.parseObject("{\"algorithm\":\"a\",\"auth_data\":[]}"),
                "3"), ErrorKind.BAD_JSON);
    }

    private static void assertKind(Runnable action, ErrorKind kind) {
        assertThatThrownBy(action::run).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(kind);
    }
}
