package io.zhihang.domain.room;

import io.zhihang.domain.protocol.RoomVersion;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.zhihang.domain.room.Events.ALICE;
import static io.zhihang.domain.room.Events.BOB;
import static io.zhihang.domain.room.Events.obj;
import static org.assertj.core.api.Assertions.assertThat;

class RoomDirectoryPolicyTest {
    /** Alice is a moderator (50 may change the canonical alias); Bob is an ordinary member. */
    private static final PowerLevels LEVELS = PowerLevels.fromContent(
            obj("users", obj(ALICE, 50), "events", obj("m.room.canonical_alias", 50)), RoomVersion.V11, Set.of());

    private static RoomDirectoryPolicy member(String user) {
        return new RoomDirectoryPolicy(user, false, true, LEVELS);
    }

    private static RoomDirectoryPolicy outsider(String user) {
        return new RoomDirectoryPolicy(user, false, false, LEVELS);
    }

    private static RoomDirectoryPolicy serverAdmin(String user) {
        return new RoomDirectoryPolicy(user, true, false, LEVELS);
    }

    @Test
    void members_and_server_admins_may_add_aliases_outsiders_may_not() {
        assertThat(member(BOB).mayCreateAlias().isAllowed()).isTrue();
        assertThat(serverAdmin(BOB).mayCreateAlias().isAllowed()).isTrue();
        assertThat(outsider(BOB).mayCreateAlias()).isInstanceOf(Decision.Denied.class);
    }

    @Test
    void the_creator_of_an_alias_may_delete_it_even_after_leaving_the_room() {
        assertThat(outsider(BOB).mayDeleteAlias(BOB).isAllowed()).isTrue();
    }

    @Test
    void a_moderator_or_a_server_admin_may_delete_anybodys_alias() {
        assertThat(member(ALICE).mayDeleteAlias(BOB).isAllowed()).isTrue();
        assertThat(serverAdmin("@root:example.org").mayDeleteAlias(BOB).isAllowed()).isTrue();
    }

    @Test
    void an_ordinary_member_may_not_delete_somebody_elses_alias_nor_may_a_former_moderator() {
        assertThat(member(BOB).mayDeleteAlias(ALICE)).isInstanceOf(Decision.Denied.class);
        assertThat(outsider(ALICE).mayDeleteAlias(BOB)).isInstanceOf(Decision.Denied.class);
    }

    @Test
    void only_moderators_and_server_admins_may_publish_a_room() {
        assertThat(member(ALICE).mayChangeRoomList().isAllowed()).isTrue();
        assertThat(serverAdmin(BOB).mayChangeRoomList().isAllowed()).isTrue();
        assertThat(member(BOB).mayChangeRoomList()).isInstanceOf(Decision.Denied.class);
        assertThat(outsider(ALICE).mayChangeRoomList()).isEqualTo(Decision.deny("You are not in the room"));
    }

    @Test
    void local_aliases_are_shown_to_members_admins_and_everybody_in_world_readable_rooms() {
        assertThat(member(BOB).mayListAliases("shared").isAllowed()).isTrue();
        assertThat(serverAdmin(BOB).mayListAliases("joined").isAllowed()).isTrue();
        assertThat(outsider(BOB).mayListAliases("world_readable").isAllowed()).isTrue();
        assertThat(outsider(BOB).mayListAliases("shared")).isInstanceOf(Decision.Denied.class);
        assertThat(outsider(BOB).mayListAliases(null)).isInstanceOf(Decision.Denied.class);
    }

    @Test
    void a_denial_refuses_with_its_reason() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> outsider(BOB).mayCreateAlias().ensureAllowed())
                .isInstanceOf(io.zhihang.domain.shared.DomainException.class)
                .hasMessage("You must be in the room to create an alias for it");
    }

    @Test
    void the_public_list_shows_rooms_open_to_join_or_knock_or_world_readable_with_someone_inside() {
        assertThat(RoomDirectoryPolicy.isListable("public", false, 1)).isTrue();
        assertThat(RoomDirectoryPolicy.isListable("knock", false, 3)).isTrue();
        assertThat(RoomDirectoryPolicy.isListable("knock_restricted", false, 3)).isTrue();
        assertThat(RoomDirectoryPolicy.isListable("invite", true, 2)).isTrue();
        assertThat(RoomDirectoryPolicy.isListable("invite", false, 2)).isFalse();
        assertThat(RoomDirectoryPolicy.isListable(null, false, 2)).isFalse();
        assertThat(RoomDirectoryPolicy.isListable("public", false, 0)).isFalse();
    }
}
