package io.zhihang.application.port.out;

/** Unguessable identifiers and secrets. */
public interface IdGenerator {
    /** A new device id, e.g. {@code QWERTYUIOP}. */
    String deviceId();

    /** A random opaque string of at least 128 bits, URL-safe. */
    String secret();

    /** A localpart for a registration that gave no username. */
    String localpart();

    /** A localpart for a guest: digits only, as Synapse's guests have (and users may not choose). */
    String guestLocalpart();

    /** A new media id: URL-safe letters, digits, {@code _} and {@code -} only, as the spec requires. */
    default String mediaId() {
        return secret();
    }

    /** The opaque part of a new room id: letters only, like Synapse's 18-letter ids. */
    default String roomIdLocalpart() {
        return secret().replaceAll("[^A-Za-z]", "");
    }

    /** The opaque part of a server-chosen event id (room v1/v2, {@code $opaque:server_name}): letters only. */
    default String eventIdLocalpart() {
        return roomIdLocalpart();
    }
}
