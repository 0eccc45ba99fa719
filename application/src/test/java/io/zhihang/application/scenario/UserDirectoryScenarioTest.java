package io.zhihang.application.scenario;

import io.zhihang.application.port.in.auth.UiaRequiredException;
import io.zhihang.application.port.in.search.UserDirectoryQueries.DirectoryPage;
import io.zhihang.application.port.in.search.UserDirectoryQueries.DirectoryUser;
import io.zhihang.application.service.search.UserDirectoryService;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.zhihang.application.scenario.RoomTestHomeserver.password;
import static io.zhihang.application.scenario.TestHomeserver.passwordAuth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The user directory shows the people one shares a room with and those in public rooms, matched on the start of a
 * word of their user id or display name; strangers in private rooms and deactivated accounts stay hidden.
 */
class UserDirectoryScenarioTest {
    private final RoomTestHomeserver hs = new RoomTestHomeserver();
    private final UserDirectoryService directory = new UserDirectoryService(hs.directory);
    private final Requester alice = hs.register("alice");
    private final Requester bob = hs.register("bob.builder");
    private final Requester carol = hs.register("carol");
    private final Requester dave = hs.register("dave");

    @Test
    void people_sharing_a_room_are_found_by_localpart_or_display_name() {
        String room = hs.createRoom(alice, "private_chat", bob.userId().toString());
        hs.membership.join(bob, room, null);
        hs.server.profileService.setDisplayName(bob, bob.userId(), "Robert Builder");

        assertThat(userIds(directory.search(alice, "bui", 10))).containsExactly(bob.userId().toString());
        assertThat(userIds(directory.search(alice, "ROB", 10))).containsExactly(bob.userId().toString());
        assertThat(userIds(directory.search(alice, "obert", 10))).isEmpty();
        assertThat(directory.search(alice, "robert", 10).results().getFirst())
                .isEqualTo(new DirectoryUser(bob.userId().toString(), "Robert Builder", null));
    }

    @Test
    void strangers_are_found_only_in_public_rooms() {
        String secret = hs.createRoom(carol, "private_chat");
        assertThat(userIds(directory.search(alice, "carol", 10))).isEmpty();

        hs.sendEvent.sendState(carol, secret, "m.room.join_rules", "",
                JsonObject.builder().put("join_rule", "public").build());
        assertThat(userIds(directory.search(alice, "carol", 10))).containsExactly(carol.userId().toString());

        String published = hs.createRoom(dave, "private_chat");
        hs.rooms.setPublished(published, true);
        assertThat(userIds(directory.search(alice, "dave", 10))).containsExactly(dave.userId().toString());
    }

    @Test
    void invited_and_departed_members_are_not_shown() {
        String room = hs.createRoom(alice, "private_chat", carol.userId().toString());
        assertThat(userIds(directory.search(alice, "carol", 10))).as("only invited").isEmpty();
        hs.membership.join(carol, room, null);
        hs.membership.leave(carol, room, null);
        assertThat(userIds(directory.search(alice, "carol", 10))).isEmpty();
    }

    @Test
    void deactivated_accounts_are_hidden() {
        hs.createRoom(dave, "public_chat");
        assertThat(userIds(directory.search(alice, "dave", 10))).hasSize(1);

        UiaRequiredException confirm = catchThrowableOfType(UiaRequiredException.class,
                () -> hs.server.accountService.deactivate(dave, null, false));
        hs.server.accountService.deactivate(dave, passwordAuth(confirm.session(), dave.userId(), password("dave")),
                false);

        assertThat(userIds(directory.search(alice, "dave", 10))).isEmpty();
    }

    @Test
    void the_limit_cuts_the_list_and_says_so() {
        hs.createRoom(alice, "public_chat");
        String room = hs.createRoom(bob, "public_chat");
        hs.membership.join(carol, room, null);
        hs.membership.join(dave, room, null);
        hs.membership.join(hs.register("dan"), room, null);

        DirectoryPage page = directory.search(alice, "d", 1);
        assertThat(page.results()).hasSize(1);
        assertThat(page.limited()).isTrue();
        assertThat(directory.search(alice, "d", 10).limited()).isFalse();
        assertThat(directory.search(alice, " ", 10).results()).isEmpty();
    }

    private static List<String> userIds(DirectoryPage page) {
        return page.results().stream().map(DirectoryUser::userId).toList();
    }
}
