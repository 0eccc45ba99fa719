package io.zhihang.adapter.rest.http;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * What the spec asks of every response before any resource runs: CORS headers on everything, {@code OPTIONS}
 * answered directly, oversized bodies refused with {@code M_TOO_LARGE} (uploads have their own, larger limit), and a JSON {@code M_UNRECOGNIZED} for
 * paths nothing serves.
 */
@ApplicationScoped
public class HttpEdge {
    private static final Pattern UPLOAD = Pattern.compile(
            "/_matrix/(media/(v3|r0|v1|r1)/upload(/[^/]+/[^/]+)?|client/(v3|r0)/voice/upload)/?");
    /**
     * Quarkus's security chain installs an authentication-failure handler on each request unless one is there, and
     * with metrics on it first matches the request against every resource class anew (it builds a path matcher per
     * request) to name the route template for a failure metric. Zhihang authenticates in its resources, after
     * routing, where the template is known and named cheaply; so the handler is put in place here, and that costly
     * match (about a fifth of a small request's CPU) never runs. It fails the request with the error, as the one
     * Quarkus would install does.
     */
    static final String AUTH_FAILURE_HANDLER = "io.quarkus.vertx.http.auth-failure-handler";
    /**
     * The cap Quarkus's request stream enforces on a body without Content-Length
     * ({@code quarkus.http.limits.max-body-size} otherwise). Past it Quarkus answers a bare 413 and fails the read,
     * which surfaces as a server error; so it is set above Zhihang's own limits, which are measured while the body
     * is read and answer {@code M_TOO_LARGE} (JSON bodies: {@link BoundedBodyReader}; uploads: the media store).
     */
    static final String QUARKUS_BODY_CAP = "io.quarkus.max-request-size";
    /** How far above Zhihang's limit Quarkus's cap sits: more than one network read of a chunked body. */
    private static final long CAP_SLACK = 1 << 20;
    private static final BiConsumer<RoutingContext, Throwable> FAIL_REQUEST = (ctx, failure) -> {
        if (!ctx.failed()) {
            ctx.fail(failure);
        }
    };

    private final HttpSettings settings;

    public HttpEdge(HttpSettings settings) {
        this.settings = settings;
    }

    void install(@Observes Router router) {
        router.route().order(-1000).handler(this::filter);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(this::raiseQuarkusCap);
        router.route().order(Integer.MAX_VALUE).handler(ctx -> json(ctx.response(), 404,
                "{\"errcode\":\"M_UNRECOGNIZED\",\"error\":\"Unrecognized request\"}"));
    }

    private void filter(RoutingContext ctx) {
        ctx.put(AUTH_FAILURE_HANDLER, FAIL_REQUEST);
        HttpServerResponse response = ctx.response();
        response.putHeader("Access-Control-Allow-Origin", "*");
        response.putHeader("Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, DELETE, OPTIONS");
        response.putHeader("Access-Control-Allow-Headers",
                "X-Requested-With, Content-Type, Authorization, Date");
        response.putHeader("Access-Control-Expose-Headers", "Synapse-Trace-Id, Server, Retry-After");
        if (ctx.request().method() == HttpMethod.OPTIONS) {
            json(response, 200, "{}");
            return;
        }
        String length = ctx.request().getHeader("Content-Length");
        if (length != null && tooLarge(length, isUpload(ctx.request().path()) ? settings.maxUploadBytes()
                : settings.maxRequestBytes())) {
            response.putHeader("Connection", "close");
            json(response, 413, "{\"errcode\":\"M_TOO_LARGE\",\"error\":\"Request body too large\"}");
            return;
        }
        ctx.next();
    }

    /** Runs after Quarkus's body-size handler has set its cap, and moves it above Zhihang's limits. */
    private void raiseQuarkusCap(RoutingContext ctx) {
        if (ctx.request().getHeader("Content-Length") == null) {
            ctx.put(QUARKUS_BODY_CAP, Math.max(settings.maxUploadBytes(), settings.maxRequestBytes()) + CAP_SLACK);
        }
        ctx.next();
    }

    /** Media and voice uploads, whose bodies may be as big as the media repository allows. */
    static boolean isUpload(String path) {
        return path != null && path.contains("/upload") && UPLOAD.matcher(path).matches();
    }

    private static boolean tooLarge(String contentLength, long max) {
        try {
            return Long.parseLong(contentLength.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void json(HttpServerResponse response, int status, String body) {
        response.setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
    }
}
