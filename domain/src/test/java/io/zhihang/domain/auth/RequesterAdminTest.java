package io.zhihang.domain.auth;

import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequesterAdminTest {
    private static Requester of(boolean admin) {
        return new Requester(UserId.parse("@a:example.org"), new DeviceId("D"), "t", admin);
    }

    @Test
    void only_a_server_admin_passes_the_admin_check() {
        assertThatCode(() -> of(true).ensureAdmin()).doesNotThrowAnyException();
        assertThatThrownBy(() -> of(false).ensureAdmin()).isInstanceOfSatisfying(DomainException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN));
    }
}
