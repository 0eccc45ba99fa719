package io.zhihang.domain.room;

import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.ServerName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.zhihang.domain.room.Events.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanonicalAliasesTest {
    private static final ServerName LOCAL = new ServerName("example.org");

    @Test
    void deleting_the_canonical_alias_removes_it_and_keeps_the_alternatives() {
        JsonObject content = obj("alias", "#a:example.org", "alt_aliases", List.of("#b:example.org"));

        assertThat(CanonicalAliases.without(content, "#a:example.org"))
                .contains(obj("alt_aliases", List.of("#b:example.org")));
    }

    @Test
    void deleting_the_last_alternative_removes_the_list() {
        JsonObject content = obj("alias", "#a:example.org", "alt_aliases", List.of("#b:example.org"));

        assertThat(CanonicalAliases.without(content, "#b:example.org")).contains(obj("alias", "#a:example.org"));
    }

    @Test
    void deleting_an_alias_the_content_does_not_name_changes_nothing() {
        JsonObject content = obj("alias", "#a:example.org", "alt_aliases", List.of("#b:example.org", 7));

        assertThat(CanonicalAliases.without(content, "#c:example.org")).isEmpty();
        assertThat(CanonicalAliases.without(JsonObject.EMPTY, "#c:example.org")).isEmpty();
    }

    @Test
    void an_upgrade_moves_this_servers_aliases_and_leaves_the_others() {
        JsonObject content = obj("alias", "#a:example.org",
                "alt_aliases", List.of("#b:example.org", "#c:other.org", "not an alias"));

        CanonicalAliases.Split split = CanonicalAliases.splitForUpgrade(content, LOCAL);

        assertThat(split.moved()).isEqualTo(obj("alias", "#a:example.org", "alt_aliases", List.of("#b:example.org")));
        assertThat(split.kept()).isEqualTo(obj("alt_aliases", List.of("#c:other.org", "not an alias")));
    }

    @Test
    void an_upgrade_of_a_room_with_a_remote_canonical_alias_moves_nothing() {
        JsonObject content = obj("alias", "#a:other.org");

        CanonicalAliases.Split split = CanonicalAliases.splitForUpgrade(content, LOCAL);

        assertThat(split.moved()).isEqualTo(JsonObject.EMPTY);
        assertThat(split.kept()).isEqualTo(content);
    }

    @Test
    void a_new_content_must_have_the_aliases_it_adds_checked_and_no_others() {
        JsonObject before = obj("alias", "#a:example.org", "alt_aliases", List.of("#b:example.org"));

        assertThat(CanonicalAliases.added(obj("alias", "#a:example.org", "alt_aliases",
                List.of("#b:example.org", "#c:example.org")), before)).containsExactly("#c:example.org");
        assertThat(CanonicalAliases.added(obj("alias", "#b:example.org"), before)).containsExactly("#b:example.org");
        assertThat(CanonicalAliases.added(obj("alias", "#d:other.example", "alt_aliases", List.of("#d:other.example")),
                JsonObject.EMPTY)).containsExactly("#d:other.example");
        assertThat(CanonicalAliases.added(obj("alias", ""), before)).isEmpty();
        assertThat(CanonicalAliases.added(JsonObject.EMPTY, before)).isEmpty();
    }

    @Test
    void an_alias_that_is_not_a_string_or_malformed_is_an_invalid_param() {
        for (JsonObject bad : List.of(obj("alias", 7), obj("alias", "a:example.org"), obj("alt_aliases", "#a:b"),
                obj("alt_aliases", List.of(7)), obj("alt_aliases", List.of("#nocolon")))) {
            assertThatThrownBy(() -> CanonicalAliases.added(bad, JsonObject.EMPTY))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_PARAM));
        }
    }
}
