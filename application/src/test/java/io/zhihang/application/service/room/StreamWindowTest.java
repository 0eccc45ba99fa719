package io.zhihang.application.service.room;

import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tokens name stream positions; the events at or before a position lie behind it. */
class StreamWindowTest {
    private static StoredEvent at(long ordering) {
        return new StoredEvent(ordering, new Pdu("$" + ordering, JsonObject.EMPTY), null);
    }

    @Test
    void backwards_without_a_token_starts_after_the_latest_event_and_includes_it() {
        StreamWindow window = StreamWindow.of(null, null, true, () -> 42);

        assertThat(window.position()).isEqualTo(42);
        assertThat(window.from()).isEqualTo(43);
        assertThat(window.to()).isNull();
        assertThat(window.direction()).isEqualTo(EventStore.Direction.BACKWARDS);
        assertThat(window.tokenAfter(at(40))).isEqualTo("s39");
    }

    @Test
    void forwards_from_a_token_starts_after_it_and_stops_at_the_to_token_inclusive() {
        StreamWindow window = StreamWindow.of("s10", "s20", false, () -> {
            throw new AssertionError("not needed forwards");
        });

        assertThat(window.from()).isEqualTo(10);
        assertThat(window.to()).isEqualTo(21);
        assertThat(window.tokenAfter(at(15))).isEqualTo("s15");
        assertThat(window.tokenAfter(null)).isEqualTo("s10");
    }

    @Test
    void backwards_to_a_token_stops_before_the_events_behind_it() {
        StreamWindow window = StreamWindow.of("s30", "s20", true, () -> 99);

        assertThat(window.from()).isEqualTo(31);
        assertThat(window.to()).isEqualTo(20);
    }

    @Test
    void malformed_tokens_are_invalid_parameters() {
        assertThatThrownBy(() -> StreamWindow.of("t1", null, true, () -> 0))
                .isInstanceOf(DomainException.class).hasMessageContaining("token");
        assertThatThrownBy(() -> StreamWindow.of(null, "s-1", false, () -> 0))
                .isInstanceOf(DomainException.class);
    }
}
