package io.zhihang.application.port.in.push;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.push.Pusher;
import io.zhihang.domain.shared.DomainException;

import java.util.Objects;

/**
 * {@code POST /pushers/set}: create or replace the caller's pusher ({@code pusher}), or delete it ({@code kind: null},
 * {@code pusher} null). Unless {@code append}, other users' pushers with the same app id and pushkey are removed.
 */
public record SetPusherCommand(Requester requester, String appId, String pushkey, Pusher pusher, boolean append) {
    public SetPusherCommand {
        Objects.requireNonNull(requester, "requester");
        if (appId == null) {
            throw DomainException.missingParam("Missing 'app_id'");
        }
        if (pushkey == null) {
            throw DomainException.missingParam("Missing 'pushkey'");
        }
    }
}
