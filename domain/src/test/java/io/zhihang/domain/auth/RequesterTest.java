package io.zhihang.domain.auth;

import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequesterTest {
    private static final UserId ALICE = UserId.parse("@alice:example.org");
    private static final UserId BOB = UserId.parse("@bob:example.org");

    @Test
    void a_user_may_act_for_themself() {
        Requester alice = new Requester(ALICE, new DeviceId("PHONE"), "t1", false);

        assertThatCode(() -> alice.ensureMayActFor(ALICE)).doesNotThrowAnyException();
    }

    @Test
    void a_user_may_not_act_for_another_user() {
        Requester alice = new Requester(ALICE, new DeviceId("PHONE"), "t1", false);

        assertThatThrownBy(() -> alice.ensureMayActFor(BOB))
                .isInstanceOf(DomainException.class)
                .hasMessage("You may not change another user's data")
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(ErrorKind.FORBIDDEN);
    }

    @Test
    void a_server_admin_may_act_for_anyone() {
        Requester admin = new Requester(ALICE, new DeviceId("PHONE"), "t1", true);

        assertThatCode(() -> admin.ensureMayActFor(BOB)).doesNotThrowAnyException();
    }
}
