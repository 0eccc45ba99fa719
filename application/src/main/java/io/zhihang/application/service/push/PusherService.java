package io.zhihang.application.service.push;

import io.zhihang.application.port.in.push.PusherQueries;
import io.zhihang.application.port.in.push.SetPusherCommand;
import io.zhihang.application.port.in.push.SetPusherUseCase;
import io.zhihang.application.port.out.push.PusherRepository;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.push.Pusher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/** A user's pushers ({@code GET /pushers}, {@code POST /pushers/set}); nothing is delivered to them yet. */
@ApplicationScoped
public class PusherService implements SetPusherUseCase, PusherQueries {
    private final PusherRepository pushers;

    public PusherService(PusherRepository pushers) {
        this.pushers = pushers;
    }

    @Override
    @Transactional
    public void set(SetPusherCommand c) {
        String userId = c.requester().userId().toString();
        if (c.pusher() == null) {
            pushers.delete(userId, c.appId(), c.pushkey());
            return;
        }
        pushers.save(userId, c.pusher());
        if (!c.append()) {
            pushers.deleteOfOtherUsers(userId, c.appId(), c.pushkey());
        }
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Pusher> pushers(Requester requester) {
        return pushers.findByUser(requester.userId().toString());
    }
}
