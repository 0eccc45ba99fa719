package io.zhihang.domain.room;

import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.RoomVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.zhihang.domain.room.AuthAssertions.assertAllowed;
import static io.zhihang.domain.room.AuthAssertions.assertDenied;
import static io.zhihang.domain.room.Events.ALICE;
import static io.zhihang.domain.room.Events.BOB;
import static io.zhihang.domain.room.Events.CAROL;
import static io.zhihang.domain.room.Events.obj;
import static io.zhihang.domain.room.Events.users;

/** A room's life told event by event, each checked against the state the events before it built. */
class RoomLifecycleScenarioTest {

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void alice_runs_a_room_where_bob_moderates_and_carol_misbehaves(RoomVersion version) {
        Events room = Events.in(version);
        Story story = new Story(room);

        story.accept(room.create());
        story.accept(Events.from(room.join(ALICE)).prevEvents(Events.CREATE_ID).build());
        story.accept(room.powerLevels(room.levels(users(BOB, 50), "invite", 50)));
        story.accept(room.joinRules("invite"));
        story.refuse(room.join(CAROL), "not invited");
        story.accept(room.invite(ALICE, BOB));
        story.accept(room.join(BOB));
        story.accept(room.invite(BOB, CAROL));
        story.accept(room.join(CAROL));
        story.accept(room.message(CAROL));
        story.refuse(room.state("m.room.topic", "", CAROL, obj("topic", "spam")), "needs power level 50");
        story.refuse(room.powerLevels(CAROL, room.levels(users(BOB, 50, CAROL, 100), "invite", 50)), "needs power level");
        story.accept(room.ban(BOB, CAROL));
        story.refuse(room.message(CAROL), "not in the room");
        story.refuse(room.join(CAROL), "banned");
        story.refuse(room.ban(BOB, ALICE), "not below yours");
        story.accept(room.leave(ALICE, CAROL));
        story.refuse(room.join(CAROL), "not invited");
    }

    /** The state so far; accepted state events move it on. */
    private static final class Story {
        private final Events room;
        private AuthState state = AuthState.empty();

        Story(Events room) {
            this.room = room;
        }

        void accept(Pdu event) {
            assertAllowed(EventAuthRules.check(event, state, room.version()));
            if (event.isState()) {
                state = state.with(event);
            }
        }

        void refuse(Pdu event, String reason) {
            assertDenied(EventAuthRules.check(event, state, room.version()), reason);
        }
    }
}
