package io.zhihang.domain.account;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountTest {
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final UserId ALICE = UserId.parse("@alice:example.org");

    @Test
    void a_new_account_is_active() {
        Account account = Account.register(ALICE, "hash", false, NOW);

        assertThat(account.deactivated()).isFalse();
        assertThat(account.createdAt()).isEqualTo(NOW);
        assertThatCode(account::ensureActive).doesNotThrowAnyException();
    }

    @Test
    void a_deactivated_account_refuses_with_user_deactivated_and_keeps_everything_else() {
        Account account = Account.register(ALICE, "hash", true, NOW).deactivate();

        assertThat(account).extracting(Account::userId, Account::passwordHash, Account::admin, Account::createdAt)
                .containsExactly(ALICE, "hash", true, NOW);
        assertThatThrownBy(account::ensureActive)
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(ErrorKind.USER_DEACTIVATED);
    }

    @Test
    void changing_the_password_hash_leaves_the_rest() {
        Account account = Account.register(ALICE, "old", false, NOW).withPasswordHash("new");

        assertThat(account).isEqualTo(new Account(ALICE, "new", false, false, NOW));
    }
}
