package io.zhihang.application.port.in.room;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonObject;

import java.util.List;

/**
 * {@code POST /createRoom}. Absent fields are null (or empty lists); {@code preset} defaults from {@code visibility}.
 */
public record CreateRoomCommand(Requester requester, String preset, String visibility, String roomAliasName,
                                String name, String topic, List<String> invite, List<InitialStateEvent> initialState,
                                JsonObject powerLevelContentOverride, JsonObject creationContent, boolean isDirect,
                                String roomVersion) {
    public CreateRoomCommand {
        invite = invite == null ? List.of() : List.copyOf(invite);
        initialState = initialState == null ? List.of() : List.copyOf(initialState);
    }

    /** One entry of {@code initial_state}. */
    public record InitialStateEvent(String type, String stateKey, JsonObject content) {
    }
}
