package io.zhihang.domain.lifecycle;

import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The server never holds plaintext under an "e2e" label: only the client's ciphertext can be marked so. */
class EncryptionTypeTest {

    @Test
    void e2e_applies_only_to_an_encrypted_event_with_algorithm_and_ciphertext() {
        EncryptionType.E2E.checkApplicableTo("m.room.encrypted", Json.parseObject(
                "{\"algorithm\":\"m.megolm.v1.aes-sha2\",\"ciphertext\":\"AwgA\",\"session_id\":\"s\"}"));
        EncryptionType.E2E.checkApplicableTo("m.room.encrypted", Json.parseObject(
                "{\"algorithm\":\"m.olm.v1.curve25519-aes-sha2\",\"ciphertext\":{\"key\":{\"type\":0}}}"));
    }

    @Test
    void plaintext_or_a_shapeless_encrypted_event_is_refused_for_e2e_and_fine_for_simple() {
        for (String[] event : new String[][]{
                {"m.room.message", "{\"msgtype\":\"m.text\",\"body\":\"hello\"}"},
                {"m.room.encrypted", "{\"algorithm\":\"m.megolm.v1.aes-sha2\",\"body\":\"hello\"}"},
                {"m.room.encrypted", "{\"ciphertext\":\"AwgA\"}"},
                {"m.room.encrypted", "{\"algorithm\":7,\"ciphertext\":\"AwgA\"}"}}) {
            DomainException refusal = catchThrowableOfType(DomainException.class,
                    () -> EncryptionType.E2E.checkApplicableTo(event[0], Json.parseObject(event[1])));
            assertThat(refusal).as(event[1]).isNotNull();
            assertThat(refusal.kind()).isEqualTo(ErrorKind.INVALID_PARAM);
            assertThat(refusal.getMessage()).startsWith("End-to-end encryption happens in the client");
            EncryptionType.SIMPLE.checkApplicableTo(event[0], Json.parseObject(event[1]));
        }
    }
}
