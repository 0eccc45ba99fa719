package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.zhihang.application.port.in.filter.FilterQueries;
import io.zhihang.application.port.in.presence.MarkIdleUseCase;
import io.zhihang.application.port.in.presence.PresenceQueries;
import io.zhihang.application.port.in.presence.SetPresenceUseCase;
import io.zhihang.application.port.in.typing.ExpireTypingUseCase;
import io.zhihang.application.port.in.typing.TypingQueries;
import io.zhihang.domain.filter.Filter;
import io.zhihang.domain.protocol.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Rooms.path;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application API that {@code /sync} reads typing, presence and filters through, on the real adapters and
 * database: what changed after a position, for whom.
 */
@QuarkusTest
class SyncFeedsApiTest {
    @Inject
    TypingQueries typing;
    @Inject
    ExpireTypingUseCase expireTyping;
    @Inject
    SetPresenceUseCase setPresence;
    @Inject
    PresenceQueries presence;
    @Inject
    MarkIdleUseCase markIdle;
    @Inject
    FilterQueries filters;

    private static List<String> senders(List<JsonObject> events) {
        return events.stream().map(e -> e.string("sender").orElseThrow()).toList();
    }

    @Test
    void typing_reaches_the_rooms_it_happens_in_until_it_runs_out() {
        Matrix.Session alice = Matrix.registerFresh("sfa");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat"));
        String quiet = Rooms.create(alice, Map.of("preset", "private_chat"));
        long before = typing.typingPosition();

        as(alice).body(Map.of("typing", true, "timeout", 30000)).put(path(roomId) + "/typing/" + alice.userId())
                .then().statusCode(200);
        assertThat(typing.typingSince(List.of(roomId, quiet), before)).isEqualTo(Map.of(roomId,
                List.of(alice.userId())));
        long seen = typing.typingPosition();
        assertThat(seen).isGreaterThan(before);

        expireTyping.expire(Instant.now().plus(Duration.ofSeconds(31)));
        assertThat(typing.typingSince(List.of(roomId, quiet), seen)).isEqualTo(Map.of(roomId, List.of()));
    }

    @Test
    void presence_reaches_room_mates_after_their_position() {
        Matrix.Session alice = Matrix.registerFresh("sfp");
        Matrix.Session bob = Matrix.registerFresh("sfpb");
        Matrix.Session carol = Matrix.registerFresh("sfpc");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        long before = presence.presencePosition();

        Instant now = Instant.now();
        setPresence.setPresenceFromSync(alice.userId(), null, now);
        long afterAlice = presence.presencePosition();
        assertThat(afterAlice).isGreaterThan(before);
        assertThat(senders(presence.presenceSince(bob.userId(), before, now))).containsExactly(alice.userId());
        assertThat(presence.presenceSince(carol.userId(), before, now)).isEmpty();
        assertThat(presence.presenceSince(bob.userId(), 0, now).stream()
                .filter(e -> e.string("sender").orElseThrow().equals(alice.userId())).findFirst().orElseThrow()
                .object("content").orElseThrow().string("presence")).contains("online");

        setPresence.setPresenceFromSync(alice.userId(), "online", now.plusSeconds(20));
        assertThat(senders(presence.presenceSince(bob.userId(), afterAlice, now))).as("nothing stored")
                .doesNotContain(alice.userId());

        as(carol).body(Map.of("presence", "online")).put(V3 + "/presence/" + carol.userId() + "/status")
                .then().statusCode(200);
        assertThat(senders(presence.presenceSince(bob.userId(), afterAlice, now))).doesNotContain(carol.userId());
        assertThat(senders(presence.presenceSince(carol.userId(), afterAlice, now))).containsExactly(carol.userId());

        long beforeIdle = presence.presencePosition();
        markIdle.markIdle(now.plus(Duration.ofMinutes(6)));
        List<JsonObject> idle = presence.presenceSince(bob.userId(), beforeIdle, now.plus(Duration.ofMinutes(6)));
        assertThat(senders(idle)).containsExactly(alice.userId());
        assertThat(idle.get(0).object("content").orElseThrow().string("presence")).contains("unavailable");
    }

    @Test
    void sync_resolves_stored_and_inline_filters() {
        Matrix.Session alice = Matrix.registerFresh("sff");
        String id = as(alice).body(Map.of("room", Map.of("timeline", Map.of("limit", 3))))
                .post(V3 + "/user/" + alice.userId() + "/filter").then().statusCode(200).extract().path("filter_id");
        assertThat(filters.resolve(alice.userId(), id).room().timeline().limitOr(10)).isEqualTo(3);
        assertThat(filters.resolve(alice.userId(), "{\"event_fields\":[\"type\"]}").eventFields())
                .containsExactly("type");
        assertThat(filters.resolve(alice.userId(), null)).isEqualTo(Filter.DEFAULT);
    }
}
