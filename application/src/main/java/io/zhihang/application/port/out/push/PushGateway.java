package io.zhihang.application.port.out.push;

import io.zhihang.domain.protocol.json.JsonObject;

import java.util.List;

/**
 * A push gateway reached over HTTP ({@code POST /_matrix/push/v1/notify} of the Push Gateway API), with bounded
 * timeouts. Adapters refuse gateways at addresses the operator has not allowed (private ranges, as Synapse's
 * {@code ip_range_blacklist}), which is a failure like any other.
 */
public interface PushGateway {
    Delivery post(String url, JsonObject body);

    /** What the gateway answered. */
    sealed interface Delivery {
    }

    /** A 2xx answer; {@code rejected} are the pushkeys the gateway says are no longer valid. */
    record Accepted(List<String> rejected) implements Delivery {
        public Accepted {
            rejected = List.copyOf(rejected);
        }
    }

    /** No answer, a non-2xx one, or a refused address: try again later. {@code reason} is for the log. */
    record Failed(String reason) implements Delivery {
    }
}
