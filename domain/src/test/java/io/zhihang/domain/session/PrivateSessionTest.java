package io.zhihang.domain.session;

import io.zhihang.domain.protocol.json.JsonNull;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PrivateSessionTest {
    private static final UserId ALICE = UserId.parse("@alice:example.org");
    private static final UserId BOB = UserId.parse("@bob:example.org");
    private static final UserId EVE = UserId.parse("@eve:example.org");
    private static final PrivateSession SESSION = new PrivateSession("!room:example.org", ALICE, BOB,
            new SessionSettings("Plans", 60L, true), Instant.EPOCH);

    private static DomainException refusal(Runnable action) {
        return catchThrowableOfType(DomainException.class, action::run);
    }

    @Test
    void a_session_is_opened_with_another_active_user_not_across_a_block() {
        PrivateSession.checkOpening(ALICE, BOB, true, false);
        assertThat(refusal(() -> PrivateSession.checkOpening(ALICE, ALICE, true, false)).kind())
                .isEqualTo(ErrorKind.INVALID_PARAM);
        assertThat(refusal(() -> PrivateSession.checkOpening(ALICE, BOB, false, false)).kind())
                .isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(refusal(() -> PrivateSession.checkOpening(ALICE, BOB, true, true)).kind())
                .isEqualTo(ErrorKind.FORBIDDEN);
    }

    @Test
    void a_missing_and_a_deactivated_target_get_the_same_answer_even_when_blocked() {
        DomainException missing = refusal(() -> PrivateSession.checkOpening(ALICE, BOB, false, false));
        DomainException blockedAndGone = refusal(() -> PrivateSession.checkOpening(ALICE, BOB, false, true));
        assertThat(blockedAndGone.kind()).isEqualTo(missing.kind());
        assertThat(blockedAndGone.getMessage()).isEqualTo(missing.getMessage());
    }

    @Test
    void only_participants_see_a_session_and_others_cannot_tell_it_exists() {
        assertThat(SESSION.seenBy(ALICE)).isSameAs(SESSION);
        assertThat(SESSION.seenBy(BOB)).isSameAs(SESSION);
        DomainException eve = refusal(() -> SESSION.seenBy(EVE));
        assertThat(eve.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(eve.getMessage()).isEqualTo(PrivateSession.unknown().getMessage());
        assertThat(SESSION.other(ALICE)).isEqualTo(BOB);
        assertThat(SESSION.other(BOB)).isEqualTo(ALICE);
        assertThat(refusal(() -> SESSION.other(EVE)).kind()).isEqualTo(ErrorKind.NOT_FOUND);
    }

    @Test
    void a_participant_deletes_only_their_own_messages() {
        SESSION.checkMessageDeletion(BOB, BOB);
        assertThat(refusal(() -> SESSION.checkMessageDeletion(BOB, ALICE)).kind()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(refusal(() -> SESSION.checkMessageDeletion(EVE, EVE)).kind()).isEqualTo(ErrorKind.NOT_FOUND);
    }

    @Test
    void the_settings_go_into_the_rooms_state_as_they_are() {
        assertThat(SESSION.stateContent().string("target")).contains("@bob:example.org");
        assertThat(SESSION.stateContent().string("name")).contains("Plans");
        assertThat(SESSION.stateContent().number("ttl_seconds")).contains(60L);
        assertThat(SESSION.stateContent().bool("auto_delete")).contains(true);
        PrivateSession plain = new PrivateSession("!r:example.org", ALICE, BOB, new SessionSettings(null, null, false),
                Instant.EPOCH);
        assertThat(plain.stateContent().get("ttl_seconds")).contains(JsonNull.INSTANCE);
        assertThat(plain.stateContent().get("name")).contains(JsonNull.INSTANCE);
    }
}
