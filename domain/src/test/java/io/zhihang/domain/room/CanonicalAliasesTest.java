package io.zhihang.domain.room;

import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.ServerName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.zhihang.domain.room.Events.obj;
import static org.assertj.core.api.Assertions.assertThat;

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
}
