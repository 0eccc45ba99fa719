package io.zhihang.domain.search;

import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchFilterTest {
    private static SearchFilter filter(String json) {
        return SearchFilter.parse(Json.parseObject(json));
    }

    @Test
    void rooms_and_not_rooms_narrow_the_candidates() {
        SearchFilter f = filter("{\"rooms\":[\"!a:x\",\"!b:x\"],\"not_rooms\":[\"!b:x\"]}");
        assertThat(f.rooms(List.of("!a:x", "!b:x", "!c:x"))).containsExactly("!a:x");
        assertThat(SearchFilter.NONE.rooms(List.of("!a:x", "!c:x"))).containsExactly("!a:x", "!c:x");
    }

    @Test
    void types_decide_which_fields_are_searched() {
        assertThat(filter("{\"types\":[\"m.room.message\"]}").fields(EnumSet.allOf(SearchField.class)))
                .containsExactly(SearchField.BODY);
        assertThat(filter("{\"not_types\":[\"m.room.n*\"]}").fields(EnumSet.of(SearchField.NAME, SearchField.TOPIC)))
                .containsExactly(SearchField.TOPIC);
    }

    @Test
    void the_limit_defaults_to_ten_and_is_capped() {
        assertThat(filter("{}").limit()).isEqualTo(10);
        assertThat(filter("{\"limit\":3}").limit()).isEqualTo(3);
        assertThat(filter("{\"limit\":100000}").limit()).isEqualTo(SearchFilter.MAX_LIMIT);
        assertThatThrownBy(() -> filter("{\"limit\":-1}")).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(ErrorKind.INVALID_PARAM);
        assertThatThrownBy(() -> filter("{\"limit\":\"3\"}")).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(ErrorKind.BAD_JSON);
        assertThatThrownBy(() -> filter("{\"rooms\":\"!a:x\"}")).isInstanceOf(DomainException.class);
    }
}
