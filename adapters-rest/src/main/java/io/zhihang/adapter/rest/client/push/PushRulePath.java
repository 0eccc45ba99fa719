package io.zhihang.adapter.rest.client.push;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A path under {@code /_matrix/client/{v}/pushrules}, read part by part as Synapse reads it
 * ({@code synapse/rest/client/push_rule.py}), where the trailing slash matters: {@code parts} are the segments after
 * {@code /pushrules/}, split on every {@code /} (empty ones kept) and then percent-decoded.
 */
record PushRulePath(List<String> parts) {
    static final String TRAILING_SLASH = "Unrecognised request: You probably wanted a trailing slash";
    private static final String ROOT = "/pushrules";

    /** The path of the request; {@code /pushrules} itself is no endpoint (404, as Synapse: only {@code /pushrules/}). */
    static PushRulePath of(String requestPath) {
        String rest = requestPath.substring(requestPath.indexOf(ROOT) + ROOT.length());
        if (rest.isEmpty()) {
            throw new DomainException(ErrorKind.UNRECOGNIZED, "Unrecognized request");
        }
        return new PushRulePath(Arrays.stream(rest.substring(1).split("/", -1))
                .map(part -> URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8)).toList());
    }

    static DomainException unrecognized(String message) {
        return new DomainException(ErrorKind.UNRECOGNIZED_REQUEST, message);
    }

    /** A path naming one rule (for PUT and DELETE): Synapse's {@code _rule_spec_from_path}. */
    Spec spec() {
        if (!parts.getFirst().equals("global") || parts.size() < 3 || parts.get(2).isEmpty()) {
            throw unrecognized("Unrecognized request");
        }
        String attr = parts.size() > 3 && !parts.get(3).isEmpty() ? parts.get(3) : null;
        return new Spec(parts.get(1), parts.get(2), attr);
    }

    /** {@code /pushrules/global/{kind}/{ruleId}[/{attr}]}; {@code attr} is null when absent or empty. */
    record Spec(String kind, String ruleId, String attr) {
    }
}
