package io.zhihang.application.service.room;

import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.port.out.room.AliasRepository;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.room.CanonicalAliases;
import io.zhihang.domain.room.RoomDirectoryPolicy;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.RoomAlias;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A client's {@code m.room.canonical_alias} may only name aliases that point to the room (Synapse's
 * {@code _validate_canonical_alias}), else {@code 400 M_BAD_ALIAS}. Only the aliases the event adds are checked
 * ({@link CanonicalAliases#added}). An alias of another server cannot be looked up without federation, so it is
 * refused as one that does not point here.
 */
@ApplicationScoped
public class CanonicalAliasCheck {
    private final AliasRepository aliases;
    private final HomeserverSettings settings;

    public CanonicalAliasCheck(AliasRepository aliases, HomeserverSettings settings) {
        this.aliases = aliases;
        this.settings = settings;
    }

    /** Checks {@code content} of an event of {@code type} replacing {@code previous}; other types pass. */
    public void check(String roomId, String type, JsonObject content, JsonObject previous) {
        if (!type.equals(RoomDirectoryPolicy.CANONICAL_ALIAS)) {
            return;
        }
        for (String alias : CanonicalAliases.added(content, previous)) {
            boolean pointsHere = RoomAlias.parse(alias).isLocalTo(settings.serverName())
                    && aliases.roomOf(alias).filter(roomId::equals).isPresent();
            if (!pointsHere) {
                throw new DomainException(ErrorKind.BAD_ALIAS, "Room alias " + alias + " does not point to the room");
            }
        }
    }
}
