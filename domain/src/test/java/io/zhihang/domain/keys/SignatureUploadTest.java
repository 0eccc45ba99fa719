package io.zhihang.domain.keys;

import io.zhihang.domain.protocol.Ed25519SigningKey;
import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.zhihang.domain.keys.KeyFixtures.ALICE;
import static io.zhihang.domain.keys.KeyFixtures.BOB;
import static io.zhihang.domain.keys.KeyFixtures.crossSigning;
import static io.zhihang.domain.keys.KeyFixtures.crossSigningKey;
import static io.zhihang.domain.keys.KeyFixtures.deviceKeys;
import static io.zhihang.domain.keys.KeyFixtures.deviceSigningKey;
import static io.zhihang.domain.keys.KeyFixtures.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignatureUploadTest {
    private final Ed25519SigningKey phone = deviceSigningKey("PHONE");
    private final Ed25519SigningKey master = crossSigningKey();
    private final Ed25519SigningKey selfSigning = crossSigningKey();
    private final Ed25519SigningKey userSigning = crossSigningKey();
    private final Ed25519SigningKey bobMaster = crossSigningKey();

    private final JsonObject phoneKeys = deviceKeys(ALICE, "PHONE", phone);
    private final CrossSigningKey aliceMaster = key(crossSigning(ALICE, KeyUsage.MASTER, master, null), KeyUsage.MASTER);
    private final SignatureUpload.OwnKeys own = new SignatureUpload.OwnKeys(Map.of("PHONE", phoneKeys),
            Optional.of(aliceMaster),
            Optional.of(key(crossSigning(ALICE, KeyUsage.SELF_SIGNING, selfSigning, master), KeyUsage.SELF_SIGNING)),
            Optional.of(key(crossSigning(ALICE, KeyUsage.USER_SIGNING, userSigning, master), KeyUsage.USER_SIGNING)));
    private final CrossSigningKey bobsMaster = CrossSigningKey.parse(
            crossSigning(BOB, KeyUsage.MASTER, bobMaster, null), BOB, KeyUsage.MASTER);

    private static CrossSigningKey key(JsonObject json, KeyUsage usage) {
        return CrossSigningKey.parse(json, ALICE, usage);
    }

    private SignatureUpload.Outcome upload(String user, String name, JsonObject signed) {
        return new SignatureUpload(Map.of(user, Map.of(name, signed))).check(ALICE, own, Map.of(BOB, bobsMaster));
    }

    @Test
    void accepts_the_own_device_signed_by_the_self_signing_key() {
        JsonObject signed = sign(phoneKeys, ALICE, selfSigning);

        SignatureUpload.Outcome outcome = upload(ALICE.toString(), "PHONE", signed);

        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.accepted()).containsExactly(new KeySignature(ALICE, selfSigning.keyId(), ALICE, "PHONE",
                signed.object("signatures").get().object(ALICE.toString()).get().string(selfSigning.keyId()).get()));
    }

    @Test
    void accepts_the_own_master_key_signed_by_a_device() {
        JsonObject signed = sign(aliceMaster.json(), ALICE, phone);

        SignatureUpload.Outcome outcome = upload(ALICE.toString(), master.publicKeyBase64(), signed);

        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.accepted()).singleElement().satisfies(s -> {
            assertThat(s.signerKeyId()).isEqualTo("ed25519:PHONE");
            assertThat(s.targetKey()).isEqualTo(master.publicKeyBase64());
        });
    }

    @Test
    void accepts_another_users_master_key_signed_by_the_user_signing_key() {
        JsonObject signed = sign(bobsMaster.json(), ALICE, userSigning);

        SignatureUpload.Outcome outcome = upload(BOB.toString(), bobMaster.publicKeyBase64(), signed);

        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.accepted()).singleElement().satisfies(s -> {
            assertThat(s.signer()).isEqualTo(ALICE);
            assertThat(s.targetUser()).isEqualTo(BOB);
            assertThat(s.signerKeyId()).isEqualTo(userSigning.keyId());
        });
    }

    @Test
    void a_forged_signature_or_a_changed_key_fails_that_key_only() {
        JsonObject forged = sign(phoneKeys, ALICE, crossSigningKey()).with("signatures", JsonObject.builder()
                .put(ALICE.toString(), JsonObject.builder().put(selfSigning.keyId(), "AAAA").build()).build());
        JsonObject changed = sign(phoneKeys.with("algorithms", JsonArray.EMPTY), ALICE,
                selfSigning);

        assertThat(upload(ALICE.toString(), "PHONE", forged).failures().get(ALICE.toString()).get("PHONE").kind())
                .isEqualTo(ErrorKind.INVALID_SIGNATURE);
        assertThat(upload(ALICE.toString(), "PHONE", changed).failures().get(ALICE.toString()).get("PHONE").kind())
                .isEqualTo(ErrorKind.UNKNOWN);
        assertThat(upload(ALICE.toString(), "PHONE", phoneKeys.without("signatures")).failures()
                .get(ALICE.toString()).get("PHONE").kind()).isEqualTo(ErrorKind.INVALID_SIGNATURE);
    }

    @Test
    void unknown_devices_and_keys_without_a_signing_key_fail() {
        Ed25519SigningKey tablet = deviceSigningKey("TABLET");
        JsonObject tabletKeys = sign(deviceKeys(ALICE, "TABLET", tablet), ALICE, selfSigning);
        SignatureUpload.OwnKeys noCrossSigning = new SignatureUpload.OwnKeys(Map.of("PHONE", phoneKeys),
                Optional.empty(), Optional.empty(), Optional.empty());
        JsonObject bobSigned = sign(bobsMaster.json(), ALICE, userSigning);

        assertThat(upload(ALICE.toString(), "TABLET", tabletKeys).failures().get(ALICE.toString()).get("TABLET")
                .kind()).isEqualTo(ErrorKind.NOT_FOUND);
        SignatureUpload.Outcome none = new SignatureUpload(Map.of(ALICE.toString(), Map.of("PHONE",
                sign(phoneKeys, ALICE, selfSigning)), BOB.toString(), Map.of(bobMaster.publicKeyBase64(), bobSigned,
                "OTHER", bobSigned))).check(ALICE, noCrossSigning, Map.of(BOB, bobsMaster));
        assertThat(none.accepted()).isEmpty();
        assertThat(none.failures().get(ALICE.toString()).get("PHONE").kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(none.failures().get(BOB.toString())).containsOnlyKeys(bobMaster.publicKeyBase64(), "OTHER");
    }

    @Test
    void another_users_key_must_be_their_master_key() {
        SignatureUpload.Outcome outcome = new SignatureUpload(Map.of(BOB.toString(), Map.of(
                bobMaster.publicKeyBase64(), sign(bobsMaster.json(), ALICE, userSigning),
                "BOBPHONE", sign(bobsMaster.json(), ALICE, userSigning))))
                .check(ALICE, own, Map.of(BOB, bobsMaster));

        assertThat(outcome.accepted()).hasSize(1);
        assertThat(outcome.failures().get(BOB.toString())).containsOnlyKeys("BOBPHONE");
        assertThat(upload("@carol:example.org", "x", bobsMaster.json()).failures().get("@carol:example.org")
                .get("x").kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(upload("not a user", "x", bobsMaster.json()).failures().get("not a user").get("x").kind())
                .isEqualTo(ErrorKind.INVALID_PARAM);
    }

    @Test
    void a_body_that_is_not_objects_of_objects_is_refused_whole() {
        assertThatThrownBy(() -> SignatureUpload.parse(JsonObject.builder().put(ALICE.toString(), "x").build()))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_PARAM));
        assertThatThrownBy(() -> SignatureUpload.parse(JsonObject.builder().put(ALICE.toString(),
                JsonObject.builder().put("PHONE", JsonString.of("x")).build()).build()))
                .isInstanceOf(DomainException.class);
        assertThat(SignatureUpload.parse(JsonObject.builder().put(BOB.toString(), JsonObject.EMPTY).build())
                .otherUsers(ALICE)).isEqualTo(List.of(BOB));
    }
}
