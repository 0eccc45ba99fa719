package io.zhihang.domain.keys;

import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import static io.zhihang.domain.keys.KeyFixtures.ALICE;
import static io.zhihang.domain.keys.KeyFixtures.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyClaimTest {
    @Test
    void reads_user_device_algorithm_in_a_fixed_order() {
        var claims = KeyClaim.parse(Json.parseObject("""
                {"@bob:example.org": {"B2": "signed_curve25519", "B1": "signed_curve25519"},
                 "@alice:example.org": {"A1": "curve25519"}}"""));

        assertThat(claims).containsExactly(
                new KeyClaim(ALICE, new DeviceId("A1"), "curve25519"),
                new KeyClaim(BOB, new DeviceId("B1"), "signed_curve25519"),
                new KeyClaim(BOB, new DeviceId("B2"), "signed_curve25519"));
    }

    @Test
    void refuses_malformed_user_ids_and_shapes() {
        assertThatThrownBy(() -> KeyClaim.parse(Json.parseObject("{\"bob\": {\"B1\": \"signed_curve25519\"}}")))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_PARAM));
        for (String body : new String[]{"{\"@bob:example.org\": [\"B1\"]}", "{\"@bob:example.org\": {\"B1\": 1}}",
                "{\"@bob:example.org\": {\"B1\": \"a:b\"}}"}) {
            assertThatThrownBy(() -> KeyClaim.parse(Json.parseObject(body)))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_JSON));
        }
    }
}
