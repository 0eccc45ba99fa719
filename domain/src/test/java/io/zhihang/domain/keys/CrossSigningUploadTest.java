package io.zhihang.domain.keys;

import io.zhihang.domain.protocol.Ed25519SigningKey;
import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static io.zhihang.domain.keys.KeyFixtures.ALICE;
import static io.zhihang.domain.keys.KeyFixtures.BOB;
import static io.zhihang.domain.keys.KeyFixtures.crossSigning;
import static io.zhihang.domain.keys.KeyFixtures.crossSigningKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrossSigningUploadTest {
    private final Ed25519SigningKey master = crossSigningKey();
    private final Ed25519SigningKey selfSigning = crossSigningKey();
    private final Ed25519SigningKey userSigning = crossSigningKey();

    @Test
    void accepts_a_master_key_and_the_keys_it_signed() {
        JsonObject masterJson = crossSigning(ALICE, KeyUsage.MASTER, master, null);
        CrossSigningUpload upload = new CrossSigningUpload(Map.of(
                KeyUsage.MASTER, masterJson,
                KeyUsage.SELF_SIGNING, crossSigning(ALICE, KeyUsage.SELF_SIGNING, selfSigning, master),
                KeyUsage.USER_SIGNING, crossSigning(ALICE, KeyUsage.USER_SIGNING, userSigning, master)));

        Map<KeyUsage, CrossSigningKey> keys = upload.validate(ALICE, Optional.empty());

        assertThat(keys).containsOnlyKeys(KeyUsage.values());
        assertThat(keys.get(KeyUsage.MASTER).keyId()).isEqualTo("ed25519:" + master.publicKeyBase64());
        assertThat(keys.get(KeyUsage.MASTER).name()).isEqualTo(master.publicKeyBase64());
        assertThat(keys.get(KeyUsage.MASTER).json()).isEqualTo(masterJson);
    }

    @Test
    void checks_a_new_self_signing_key_against_the_stored_master_key() {
        CrossSigningKey stored = CrossSigningKey.parse(crossSigning(ALICE, KeyUsage.MASTER, master, null), ALICE,
                KeyUsage.MASTER);
        CrossSigningUpload good = new CrossSigningUpload(Map.of(
                KeyUsage.SELF_SIGNING, crossSigning(ALICE, KeyUsage.SELF_SIGNING, selfSigning, master)));
        CrossSigningUpload forged = new CrossSigningUpload(Map.of(
                KeyUsage.SELF_SIGNING, crossSigning(ALICE, KeyUsage.SELF_SIGNING, selfSigning, crossSigningKey())));

        assertThat(good.validate(ALICE, Optional.of(stored))).containsOnlyKeys(KeyUsage.SELF_SIGNING);
        assertRefused(() -> forged.validate(ALICE, Optional.of(stored)), ErrorKind.INVALID_SIGNATURE);
        assertRefused(() -> good.validate(ALICE, Optional.empty()), ErrorKind.MISSING_PARAM);
    }

    @Test
    void refuses_keys_signed_by_something_other_than_the_master_key() {
        CrossSigningUpload unsigned = new CrossSigningUpload(Map.of(
                KeyUsage.MASTER, crossSigning(ALICE, KeyUsage.MASTER, master, null),
                KeyUsage.USER_SIGNING, crossSigning(ALICE, KeyUsage.USER_SIGNING, userSigning, null)));
        CrossSigningUpload selfSigned = new CrossSigningUpload(Map.of(
                KeyUsage.MASTER, crossSigning(ALICE, KeyUsage.MASTER, master, null),
                KeyUsage.USER_SIGNING, crossSigning(ALICE, KeyUsage.USER_SIGNING, userSigning, userSigning)));

        assertRefused(() -> unsigned.validate(ALICE, Optional.empty()), ErrorKind.INVALID_SIGNATURE);
        assertRefused(() -> selfSigned.validate(ALICE, Optional.empty()), ErrorKind.INVALID_SIGNATURE);
    }

    @Test
    void refuses_keys_of_another_user_another_role_or_not_exactly_one_ed25519_key() {
        JsonObject good = crossSigning(ALICE, KeyUsage.MASTER, master, null);
        JsonObject twoKeys = good.with("keys", JsonObject.builder().put(master.keyId(), master.publicKeyBase64())
                .put(userSigning.keyId(), userSigning.publicKeyBase64()).build());
        JsonObject curve = good.with("keys", JsonObject.builder().put("curve25519:abc", master.publicKeyBase64()).build());
        JsonObject wrongUsage = good.with("usage", JsonArray.of(JsonString.of("self_signing")));

        for (JsonObject bad : new JsonObject[]{crossSigning(BOB, KeyUsage.MASTER, master, null), twoKeys, curve,
                wrongUsage, good.without("usage"), good.without("keys")}) {
            assertRefused(() -> new CrossSigningUpload(Map.of(KeyUsage.MASTER, bad)).validate(ALICE, Optional.empty()),
                    ErrorKind.INVALID_PARAM);
        }
    }

    @Test
    void an_identical_upload_changes_nothing() {
        JsonObject masterJson = crossSigning(ALICE, KeyUsage.MASTER, master, null);
        CrossSigningUpload upload = new CrossSigningUpload(Map.of(KeyUsage.MASTER, masterJson));

        assertThat(upload.changes(Map.of(KeyUsage.MASTER, masterJson))).isFalse();
        assertThat(upload.changes(Map.of())).isTrue();
        assertThat(upload.changes(Map.of(KeyUsage.MASTER, crossSigning(ALICE, KeyUsage.MASTER, crossSigningKey(),
                null)))).isTrue();
        assertThat(new CrossSigningUpload(Map.of()).changes(Map.of(KeyUsage.MASTER, masterJson))).isFalse();
    }

    private static void assertRefused(ThrowingCallable call, ErrorKind kind) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }
}
