package io.zhihang.domain.notice;

import io.zhihang.domain.account.Account;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.ServerName;
import io.zhihang.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerNoticeRoomTest {
    private static final ServerName HERE = new ServerName("example.org");
    private static final UserId ALICE = UserId.parse("@alice:example.org");
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void a_room_serves_while_the_user_is_invited_or_joined_and_the_system_user_joined() {
        assertTrue(ServerNoticeRoom.stillServes("invite", "join"));
        assertTrue(ServerNoticeRoom.stillServes("join", "join"));
        assertFalse(ServerNoticeRoom.stillServes("leave", "join"));
        assertFalse(ServerNoticeRoom.stillServes(null, "join"));
        assertFalse(ServerNoticeRoom.stillServes("join", "leave"));
    }

    @Test
    void only_the_system_user_may_write_members_are_below_every_level() {
        assertEquals(-10L, ServerNoticeRoom.powerLevelOverride().number("users_default").orElseThrow());
    }

    @Test
    void a_notice_goes_only_to_an_active_local_account() {
        Account alice = Account.register(ALICE, "hash", false, NOW);
        assertDoesNotThrow(() -> ServerNoticeRoom.ensureRecipient(ALICE, HERE, Optional.of(alice)));
        DomainException remote = assertThrows(DomainException.class, () -> ServerNoticeRoom.ensureRecipient(
                UserId.parse("@bob:elsewhere.org"), HERE, Optional.empty()));
        assertEquals(ErrorKind.UNKNOWN, remote.kind());
        assertEquals(ErrorKind.NOT_FOUND, assertThrows(DomainException.class,
                () -> ServerNoticeRoom.ensureRecipient(ALICE, HERE, Optional.empty())).kind());
        assertEquals(ErrorKind.NOT_FOUND, assertThrows(DomainException.class,
                () -> ServerNoticeRoom.ensureRecipient(ALICE, HERE, Optional.of(alice.deactivate()))).kind());
    }

    @Test
    void the_user_may_not_leave_their_notice_room() {
        assertEquals(ErrorKind.FORBIDDEN, assertThrows(DomainException.class,
                () -> ServerNoticeRoom.ensureMayLeave(true)).kind());
        assertDoesNotThrow(() -> ServerNoticeRoom.ensureMayLeave(false));
    }
}
