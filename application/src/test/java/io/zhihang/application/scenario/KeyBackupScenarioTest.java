package io.zhihang.application.scenario;

import io.zhihang.application.fakes.InMemoryBackedUpKeyRepository;
import io.zhihang.application.fakes.InMemoryKeyBackupRepository;
import io.zhihang.application.service.backup.KeyBackupVersionService;
import io.zhihang.application.service.backup.RoomKeyBackupService;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.backup.BackedUpKey;
import io.zhihang.domain.backup.BackupInfo;
import io.zhihang.domain.backup.BackupInfoUpdate;
import io.zhihang.domain.backup.BackupSession;
import io.zhihang.domain.backup.KeyBackup;
import io.zhihang.domain.backup.KeyScope;
import io.zhihang.domain.backup.KeyUpload;
import io.zhihang.domain.backup.WrongBackupVersionException;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static io.zhihang.application.scenario.RoomTestHomeserver.refusal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key backup's life told as a story: Alice creates a backup, her devices upload keys (better keys replace worse
 * ones), she starts a new backup and the old one refuses writes, reads and deletes keys, and deletes versions. Bob's
 * backups are his own.
 */
class KeyBackupScenarioTest {
    private static final String ALGORITHM = "m.megolm_backup.v1.curve25519-aes-sha2";

    private final InMemoryKeyBackupRepository versionStore = new InMemoryKeyBackupRepository();
    private final InMemoryBackedUpKeyRepository keyStore = new InMemoryBackedUpKeyRepository();
    private final KeyBackupVersionService versions = new KeyBackupVersionService(versionStore, keyStore);
    private final RoomKeyBackupService keys = new RoomKeyBackupService(versionStore, keyStore);
    private final Requester alice = requester("@alice:example.org");
    private final Requester bob = requester("@bob:example.org");

    private static Requester requester(String userId) {
        return new Requester(UserId.parse(userId), new DeviceId("PHONE"), "t", false);
    }

    private static BackupInfo info(String publicKey) {
        return new BackupInfo(ALGORITHM, Json.parseObject("{\"public_key\":\"" + publicKey + "\"}"));
    }

    private static KeyUpload upload(String roomId, String sessionId, long index, long forwards, boolean verified) {
        return KeyUpload.ofSession(roomId, sessionId, key(index, forwards, verified));
    }

    private static JsonObject key(long index, long forwards, boolean verified) {
        return Json.parseClientData("{\"first_message_index\":" + index + ",\"forwarded_count\":" + forwards
                + ",\"is_verified\":" + verified + ",\"session_data\":{\"ciphertext\":\"c" + index + "\"}}");
    }

    @Test
    void a_backup_grows_keeps_the_better_keys_and_counts_them() {
        assertThat(refusal(() -> versions.current(alice)).kind()).isEqualTo(ErrorKind.NOT_FOUND);
        String v1 = versions.create(alice, info("k1")).toString();
        assertThat(v1).isEqualTo("1");

        KeyBackup afterFirst = keys.upload(alice, v1, upload("!a:x", "s1", 5, 1, false));
        KeyBackup afterBetter = keys.upload(alice, v1, upload("!a:x", "s1", 2, 1, false));
        KeyBackup afterWorse = keys.upload(alice, v1, upload("!a:x", "s1", 9, 0, false));
        KeyBackup afterOther = keys.upload(alice, v1, upload("!b:x", "s2", 0, 0, true));

        assertThat(afterFirst.count()).isEqualTo(1);
        assertThat(afterBetter.count()).isEqualTo(1);
        assertThat(afterBetter.etag()).isGreaterThan(afterFirst.etag());
        assertThat(afterWorse).isEqualTo(afterBetter);
        assertThat(afterOther.count()).isEqualTo(2);
        assertThat(versions.current(alice)).isEqualTo(afterOther);
        assertThat(versions.keys(alice, v1, KeyScope.session("!a:x", "s1")).values())
                .extracting(BackedUpKey::firstMessageIndex).containsExactly(2L);
        assertThat(versions.keys(alice, v1, KeyScope.ALL)).containsOnlyKeys(
                new BackupSession("!a:x", "s1"), new BackupSession("!b:x", "s2"));
        assertThat(versions.keys(alice, v1, KeyScope.room("!nothing:x"))).isEmpty();
        assertThat(refusal(() -> versions.keys(alice, v1, KeyScope.session("!a:x", "nope"))).kind())
                .isEqualTo(ErrorKind.NOT_FOUND);
    }

    @Test
    void a_batch_upload_reads_the_stored_keys_once() {
        String v1 = versions.create(alice, info("k1")).toString();
        Map<BackupSession, BackedUpKey> batch = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            batch.put(new BackupSession("!r" + (i % 20) + ":x", "s" + i), BackedUpKey.parse(key(i, 0, false), "k"));
        }

        KeyBackup first = keys.upload(alice, v1, new KeyUpload(batch));
        KeyBackup again = keys.upload(alice, v1, new KeyUpload(batch));

        assertThat(first.count()).isEqualTo(200);
        assertThat(again).isEqualTo(first);
        assertThat(keyStore.finds()).isEqualTo(2);
    }

    @Test
    void a_new_version_takes_over_and_the_old_one_refuses_writes_but_can_be_read() {
        String v1 = versions.create(alice, info("k1")).toString();
        keys.upload(alice, v1, upload("!a:x", "s1", 0, 0, true));
        String v2 = versions.create(alice, info("k2")).toString();

        var wrong = refusal(() -> keys.upload(alice, v1, upload("!a:x", "s1", 0, 0, true)));
        assertThat(wrong).isInstanceOf(WrongBackupVersionException.class);
        assertThat(((WrongBackupVersionException) wrong).currentVersion()).isEqualTo("2");
        assertThat(wrong.kind()).isEqualTo(ErrorKind.WRONG_ROOM_KEYS_VERSION);
        assertThat(refusal(() -> keys.upload(alice, "7", upload("!a:x", "s1", 0, 0, true))).kind())
                .isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(refusal(() -> keys.upload(alice, "x", upload("!a:x", "s1", 0, 0, true))).kind())
                .isEqualTo(ErrorKind.NOT_FOUND);

        assertThat(versions.keys(alice, v1, KeyScope.ALL)).hasSize(1);
        assertThat(versions.keys(alice, v2, KeyScope.ALL)).isEmpty();
        assertThat(versions.current(alice).version()).hasToString("2");
        assertThat(versions.version(alice, v1).info()).isEqualTo(info("k1"));
    }

    @Test
    void deleting_keys_moves_the_etag_and_deleting_a_version_falls_back_to_the_one_before() {
        String v1 = versions.create(alice, info("k1")).toString();
        String v2 = versions.create(alice, info("k2")).toString();
        keys.upload(alice, v2, KeyUpload.ofRoom("!a:x", JsonObject.builder().put("sessions",
                JsonObject.builder().put("s1", key(0, 0, true)).put("s2", key(1, 0, true)).build()).build()));
        keys.upload(alice, v2, upload("!b:x", "s3", 0, 0, true));
        KeyBackup before = versions.current(alice);

        KeyBackup afterSession = keys.delete(alice, v2, KeyScope.session("!a:x", "s1"));
        KeyBackup afterNothing = keys.delete(alice, v2, KeyScope.session("!a:x", "s1"));
        KeyBackup afterRoom = keys.delete(alice, v2, KeyScope.room("!a:x"));
        KeyBackup afterAll = keys.delete(alice, v2, KeyScope.ALL);

        assertThat(before.count()).isEqualTo(3);
        assertThat(afterSession.count()).isEqualTo(2);
        assertThat(afterNothing.count()).isEqualTo(2);
        assertThat(afterNothing.etag()).isGreaterThan(afterSession.etag());
        assertThat(afterRoom.count()).isEqualTo(1);
        assertThat(afterAll.count()).isZero();

        keys.upload(alice, v2, upload("!b:x", "s3", 0, 0, true));
        versions.delete(alice, v2);
        versions.delete(alice, v2);   // again: fine, as the spec says
        assertThat(versions.current(alice).version()).hasToString(v1);
        assertThat(refusal(() -> versions.version(alice, v2)).kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(refusal(() -> versions.keys(alice, v2, KeyScope.ALL)).kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(refusal(() -> versions.delete(alice, "9")).kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(versions.create(alice, info("k3")).toString()).isEqualTo("3");   // numbers are never reused
        assertThat(versions.keys(alice, "3", KeyScope.ALL)).isEmpty();
    }

    @Test
    void updating_a_version_changes_auth_data_only() {
        String v1 = versions.create(alice, info("k1")).toString();
        keys.upload(alice, v1, upload("!a:x", "s1", 0, 0, true));
        KeyBackup before = versions.version(alice, v1);

        versions.update(alice, v1, BackupInfoUpdate.replacing(info("k1-resigned")));
        versions.update(alice, v1, new BackupInfoUpdate(ALGORITHM, Optional.empty()));

        KeyBackup after = versions.version(alice, v1);
        assertThat(after.info()).isEqualTo(info("k1-resigned"));
        assertThat(after.etag()).isEqualTo(before.etag());
        assertThat(after.count()).isEqualTo(before.count());
        assertThat(refusal(() -> versions.update(alice, v1, new BackupInfoUpdate("m.other", Optional.of(JsonObject.EMPTY)))).kind())
                .isEqualTo(ErrorKind.INVALID_PARAM);
        assertThat(refusal(() -> versions.update(alice, "5", BackupInfoUpdate.replacing(info("k")))).kind()).isEqualTo(ErrorKind.NOT_FOUND);
    }

    @Test
    void backups_are_per_user() {
        String v1 = versions.create(alice, info("alice")).toString();
        keys.upload(alice, v1, upload("!a:x", "s1", 0, 0, true));

        assertThat(refusal(() -> versions.current(bob)).kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(refusal(() -> versions.keys(bob, v1, KeyScope.ALL)).kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(refusal(() -> keys.upload(bob, v1, upload("!a:x", "s1", 0, 0, true))).kind())
                .isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(versions.create(bob, info("bob")).toString()).isEqualTo("1");
        assertThat(versions.keys(bob, "1", KeyScope.ALL)).isEmpty();
        assertThat(versions.keys(alice, v1, KeyScope.ALL)).hasSize(1);
    }
}
