package io.zhihang.application.port.out.admin;

/**
 * A page of Synapse's admin user list ({@code GET /_synapse/admin/v2/users}): {@code userId} and {@code name} are
 * substring filters ({@code name} wins, and matches the localpart or the display name), {@code deactivated} null
 * means deactivated users are included, {@code admins} null means both.
 */
public record UserListing(int from, int limit, String userId, String name, boolean guests, Boolean deactivated,
                          Boolean admins, Order orderBy, boolean backwards) {

    /** Synapse's {@code order_by} values; a tie is always broken by ascending user id. */
    public enum Order {
        NAME("name"), IS_GUEST("is_guest"), ADMIN("admin"), USER_TYPE("user_type"), DEACTIVATED("deactivated"),
        SHADOW_BANNED("shadow_banned"), DISPLAYNAME("displayname"), AVATAR_URL("avatar_url"),
        CREATION_TS("creation_ts"), LAST_SEEN_TS("last_seen_ts"), LOCKED("locked");

        private final String wire;

        Order(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }
}
