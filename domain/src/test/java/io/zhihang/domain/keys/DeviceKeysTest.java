package io.zhihang.domain.keys;

import io.zhihang.domain.protocol.Ed25519SigningKey;
import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonNumber;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import static io.zhihang.domain.keys.KeyFixtures.ALICE;
import static io.zhihang.domain.keys.KeyFixtures.BOB;
import static io.zhihang.domain.keys.KeyFixtures.deviceKeys;
import static io.zhihang.domain.keys.KeyFixtures.deviceSigningKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeviceKeysTest {
    private static final DeviceId PHONE = new DeviceId("PHONE");
    private final Ed25519SigningKey phoneKey = deviceSigningKey("PHONE");

    @Test
    void accepts_keys_signed_by_the_device_and_keeps_them_as_uploaded() {
        JsonObject json = KeyFixtures.sign(deviceKeys(ALICE, "PHONE", phoneKey).without("signatures")
                .with("org.example.extra", new JsonNumber(7)), ALICE, phoneKey);

        DeviceKeys keys = DeviceKeys.parse(json, ALICE, PHONE);

        assertThat(keys.json()).isEqualTo(json);
        assertThat(keys.json().number("org.example.extra")).contains(7L);
    }

    @Test
    void refuses_keys_naming_another_user_or_device_as_synapse_does() {
        assertRefused(() -> DeviceKeys.parse(deviceKeys(BOB, "PHONE", phoneKey), ALICE, PHONE), ErrorKind.BAD_JSON);
        Ed25519SigningKey laptop = deviceSigningKey("LAPTOP");
        assertRefused(() -> DeviceKeys.parse(deviceKeys(ALICE, "LAPTOP", laptop), ALICE, PHONE), ErrorKind.BAD_JSON);
    }

    @Test
    void accepts_keys_whose_self_signature_does_not_verify_or_that_lack_the_device_key_as_synapse_does() {
        JsonObject signed = deviceKeys(ALICE, "PHONE", phoneKey);
        JsonObject tampered = signed.with("algorithms", JsonArray.EMPTY);
        JsonObject unsigned = signed.with("signatures", JsonObject.EMPTY);
        JsonObject notBase64 = signed.with("signatures", JsonObject.builder().put(ALICE.toString(),
                JsonObject.builder().put("ed25519:PHONE", "not base64!").build()).build());
        JsonObject byAnotherKey = KeyFixtures.sign(signed.without("signatures"), ALICE, deviceSigningKey("PHONE"));
        JsonObject shortKey = signed.with("keys", JsonObject.builder().put("ed25519:PHONE", "AAAA").build());
        JsonObject noKey = signed.with("keys", JsonObject.builder().put("curve25519:PHONE", "x").build());

        for (JsonObject accepted : new JsonObject[]{tampered, unsigned, notBase64, byAnotherKey, shortKey, noKey}) {
            assertThat(DeviceKeys.parse(accepted, ALICE, PHONE).json()).isEqualTo(accepted);
        }
    }

    @Test
    void refuses_the_wrong_shape() {
        JsonObject signed = deviceKeys(ALICE, "PHONE", phoneKey);

        assertRefused(() -> DeviceKeys.parse(signed.without("user_id"), ALICE, PHONE), ErrorKind.BAD_JSON);
        assertRefused(() -> DeviceKeys.parse(signed.with("algorithms", JsonString.of("x")), ALICE, PHONE),
                ErrorKind.BAD_JSON);
        assertRefused(() -> DeviceKeys.parse(signed.with("keys", JsonObject.builder().put("ed25519:PHONE", 1).build()),
                ALICE, PHONE), ErrorKind.BAD_JSON);
        assertRefused(() -> DeviceKeys.parse(signed.with("signatures", JsonObject.builder().put(ALICE.toString(),
                "sig").build()), ALICE, PHONE), ErrorKind.BAD_JSON);
        assertRefused(() -> DeviceKeys.parse(signed.without("signatures"), ALICE, PHONE), ErrorKind.BAD_JSON);
    }

    private static void assertRefused(ThrowingCallable call, ErrorKind kind) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }
}
