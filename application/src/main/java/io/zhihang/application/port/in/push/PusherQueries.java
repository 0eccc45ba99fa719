package io.zhihang.application.port.in.push;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.push.Pusher;

import java.util.List;

/** {@code GET /pushers}. */
public interface PusherQueries {
    List<Pusher> pushers(Requester requester);
}
