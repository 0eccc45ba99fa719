package io.zhihang.domain.dehydrated;

import io.zhihang.domain.protocol.json.JsonNumber;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DehydratedDeviceTest {

    @Test
    void device_data_is_kept_as_uploaded_unknown_fields_included() {
        JsonObject data = JsonObject.builder().put("algorithm", "org.matrix.msc3814.v2")
                .put("device_pickle", "opaque").put("nonce", "n").build();
        assertThat(new DehydratedDevice(new DeviceId("DEHYDRATED"), data).data()).isEqualTo(data);
    }

    @Test
    void device_data_names_its_algorithm() {
        assertBadJson(JsonObject.EMPTY);
        assertBadJson(JsonObject.builder().put("algorithm", new JsonNumber(1)).build());
        assertThatThrownBy(() -> new DehydratedDevice(new DeviceId("D"), null))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_JSON));
    }

    private static void assertBadJson(JsonObject data) {
        assertThatThrownBy(() -> new DehydratedDevice(new DeviceId("D"), data))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_JSON));
    }
}
