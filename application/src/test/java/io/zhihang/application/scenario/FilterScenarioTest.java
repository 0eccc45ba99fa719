package io.zhihang.application.scenario;

import io.zhihang.application.fakes.InMemoryFilterRepository;
import io.zhihang.application.service.filter.FilterService;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.filter.EventFormat;
import io.zhihang.domain.filter.Filter;
import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import static io.zhihang.application.scenario.RoomTestHomeserver.refusal;
import static org.assertj.core.api.Assertions.assertThat;

/** Stored filters and how sync's {@code filter} parameter resolves, as Synapse reads it. */
class FilterScenarioTest {
    private static final String LAZY = "{\"room\":{\"state\":{\"lazy_load_members\":true},\"timeline\":{\"limit\":20}}}";

    private final TestHomeserver hs = TestHomeserver.open();
    private final FilterService filters = new FilterService(new InMemoryFilterRepository());
    private final Requester alice = hs.authenticate(hs.register("alice", "password of alice"));
    private final Requester bob = hs.authenticate(hs.register("bob", "password of bob"));
    private final String aliceId = alice.userId().toString();

    @Test
    void a_filter_is_stored_read_back_and_resolved_by_its_id() {
        String id = filters.createFilter(alice, alice.userId(), Json.parseObject(LAZY));
        assertThat(CanonicalJson.encode(filters.filter(alice, alice.userId(), id))).isEqualTo(LAZY);
        assertThat(filters.createFilter(alice, alice.userId(), Json.parseObject(LAZY))).as("same filter, same id")
                .isEqualTo(id);
        assertThat(filters.createFilter(alice, alice.userId(), JsonObject.EMPTY)).isNotEqualTo(id);

        Filter resolved = filters.resolve(aliceId, id);
        assertThat(resolved.room().state().lazyLoadMembers()).isTrue();
        assertThat(resolved.room().timeline().limitOr(10)).isEqualTo(20);
    }

    @Test
    void filters_belong_to_their_user() {
        String id = filters.createFilter(alice, alice.userId(), Json.parseObject(LAZY));
        assertThat(refusal(() -> filters.createFilter(alice, bob.userId(), JsonObject.EMPTY)).kind())
                .isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(refusal(() -> filters.filter(bob, alice.userId(), id)).kind()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(refusal(() -> filters.filter(bob, bob.userId(), id)).kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(refusal(() -> filters.filter(alice, alice.userId(), "999")).kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(refusal(() -> filters.resolve(bob.userId().toString(), id)).kind())
                .isEqualTo(ErrorKind.INVALID_PARAM);
    }

    @Test
    void invalid_filters_are_not_stored() {
        assertThat(refusal(() -> filters.createFilter(alice, alice.userId(),
                Json.parseObject("{\"room\":{\"timeline\":{\"limit\":\"ten\"}}}"))).kind())
                .isEqualTo(ErrorKind.BAD_JSON);
        assertThat(refusal(() -> filters.createFilter(alice, alice.userId(),
                Json.parseObject("{\"event_format\":\"yaml\"}"))).kind()).isEqualTo(ErrorKind.INVALID_PARAM);
    }

    @Test
    void sync_s_filter_parameter_is_nothing_an_inline_filter_or_an_id() {
        assertThat(filters.resolve(aliceId, null)).isEqualTo(Filter.DEFAULT);
        assertThat(filters.resolve(aliceId, "{\"event_format\":\"federation\"}").eventFormat())
                .isEqualTo(EventFormat.FEDERATION);
        assertThat(filters.resolve(aliceId, "{\"room\":{\"timeline\":{\"limit\":1e1}}}").room().timeline().limit())
                .as("an integral exponent is an integer").isEqualTo(10);
        assertThat(refusal(() -> filters.resolve(aliceId, "{not json")).kind()).isEqualTo(ErrorKind.NOT_JSON);
        assertThat(refusal(() -> filters.resolve(aliceId, "{\"room\":{\"timeline\":{\"limit\":2.5}}}")).kind())
                .isEqualTo(ErrorKind.BAD_JSON);
        assertThat(refusal(() -> filters.resolve(aliceId, "{\"room\":[]}")).kind()).isEqualTo(ErrorKind.BAD_JSON);
        for (String unknown : new String[]{"12345", "not-an-id"}) {
            DomainException e = refusal(() -> filters.resolve(aliceId, unknown));
            assertThat(e.kind()).as("Synapse's /sync answers 400 M_INVALID_PARAM").isEqualTo(ErrorKind.INVALID_PARAM);
            assertThat(e.getMessage()).isEqualTo("No such filter");
        }
    }
}
