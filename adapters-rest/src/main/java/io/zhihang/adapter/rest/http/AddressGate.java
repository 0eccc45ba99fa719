package io.zhihang.adapter.rest.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.zhihang.application.port.in.admin.security.AddressBlocks;
import io.zhihang.domain.security.IpBlock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.Optional;

/**
 * The first handler of every request, on the event loop, before any other work: it settles the client's address
 * ({@code X-Forwarded-For} from trusted proxies only) and refuses a blocked address with {@code 403 M_FORBIDDEN},
 * for every path (client, media, admin, seed, well-known, metrics). The lookup is in memory.
 */
@ApplicationScoped
public class AddressGate {
    /**
     * Where the client's address is handed to the resources ({@link io.zhihang.adapter.rest.auth.Authenticator#clientIp}):
     * a request header this handler always overwrites, so a client cannot set it.
     */
    public static final String CLIENT_ADDRESS = "X-Zhihang-Client-Address";
    /** Before {@link HttpEdge}'s filter ({@code -1000}). */
    static final int ORDER = -1100;
    private static final String FORBIDDEN = "{\"errcode\":\"M_FORBIDDEN\",\"error\":\"Requests from your address are blocked\"}";

    private final AddressBlocks blocks;
    private final RefusalLog refusals;

    public AddressGate(AddressBlocks blocks, RefusalLog refusals) {
        this.blocks = blocks;
        this.refusals = refusals;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        List<String> forwarded = request.headers().getAll("X-Forwarded-For");
        String client = blocks.clientAddress(peer, forwarded.isEmpty() ? null : String.join(",", forwarded));
        if (client == null) {
            request.headers().remove(CLIENT_ADDRESS);
        } else {
            request.headers().set(CLIENT_ADDRESS, client);
        }
        Optional<IpBlock> block = client == null ? Optional.empty() : blocks.blockOf(client);
        if (block.isPresent()) {
            refusals.blocked(client, block.get().range().toString(), request.method().name(), request.path());
            ctx.response().setStatusCode(403).putHeader("Content-Type", "application/json")
                    .putHeader("Connection", "close").end(FORBIDDEN);
            return;
        }
        ctx.next();
    }
}
