package io.zhihang.domain.userdata;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlocksTest {
    private static final String ALICE = "@alice:x";
    private static final String MALLORY = "@mallory:x";
    private static final IgnoredUsers IGNORING_MALLORY = new IgnoredUsers(Set.of(MALLORY));

    @Test
    void an_invite_from_someone_on_the_invitees_ignore_list_is_refused() {
        assertThatThrownBy(() -> Blocks.checkInvite(MALLORY, ALICE, IGNORING_MALLORY))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(ErrorKind.FORBIDDEN);
    }

    @Test
    void an_invite_the_other_way_or_from_someone_else_is_allowed() {
        assertThatCode(() -> Blocks.checkInvite(ALICE, MALLORY, IgnoredUsers.NONE)).doesNotThrowAnyException();
        assertThatCode(() -> Blocks.checkInvite("@bob:x", ALICE, IGNORING_MALLORY)).doesNotThrowAnyException();
    }

    @Test
    void a_direct_chat_is_refused_across_a_block_in_either_direction_with_the_same_answer() {
        assertThatThrownBy(() -> Blocks.checkDirectChat(ALICE, IGNORING_MALLORY, MALLORY, IgnoredUsers.NONE))
                .hasMessage("You cannot open a direct chat with this user");
        assertThatThrownBy(() -> Blocks.checkDirectChat(MALLORY, IgnoredUsers.NONE, ALICE, IGNORING_MALLORY))
                .hasMessage("You cannot open a direct chat with this user");
        assertThatCode(() -> Blocks.checkDirectChat(ALICE, IgnoredUsers.NONE, "@bob:x", IGNORING_MALLORY))
                .doesNotThrowAnyException();
    }
}
