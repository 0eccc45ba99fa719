package io.zhihang.adapter.rest.error;

import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.http.RefusalLog;
import io.zhihang.application.port.in.auth.UiaRequiredException;
import io.zhihang.domain.auth.UiaFlow;
import io.zhihang.domain.backup.WrongBackupVersionException;
import io.zhihang.domain.delayed.MaxDelayExceededException;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.RateLimitedException;
import io.zhihang.domain.shared.UnknownTokenException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every failure leaves as a Matrix error: {@code {"errcode","error"}} with the spec's status. Client mistakes never
 * become a 500; unexpected failures do, with a generic message (details go to the log only).
 */
public class MatrixExceptionMappers {
    private static final Logger LOG = Logger.getLogger(MatrixExceptionMappers.class);

    private final RefusalLog refusals;

    public MatrixExceptionMappers(RefusalLog refusals) {
        this.refusals = refusals;
    }

    @ServerExceptionMapper
    public Response domain(DomainException e, HttpServerRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errcode", e.kind().errcode());
        body.put("error", e.getMessage());
        Response.ResponseBuilder response = Response.status(ErrorStatus.of(e.kind()));
        switch (e) {
            case RateLimitedException limited -> {
                refusals.rateLimited(Authenticator.clientIp(request), request.method().name(), request.path());
                long millis = limited.retryAfter().toMillis();
                body.put("retry_after_ms", millis);
                response.header("Retry-After", Math.max(1, (millis + 999) / 1000));
            }
            case UnknownTokenException unknown -> body.put("soft_logout", unknown.softLogout());
            case WrongBackupVersionException wrong -> body.put("current_version", wrong.currentVersion());
            case MaxDelayExceededException tooLong -> {
                body.put("org.matrix.msc4140.errcode", "M_MAX_DELAY_EXCEEDED");
                body.put("org.matrix.msc4140.max_delay", tooLong.maxDelay().toMillis());
            }
            default -> {
            }
        }
        return response.entity(body).type(MediaType.APPLICATION_JSON).build();
    }

    @ServerExceptionMapper
    public Response uiaRequired(UiaRequiredException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        List<Map<String, List<String>>> flows = e.flows().stream()
                .map(UiaFlow::stages)
                .map(stages -> Map.of("stages", stages))
                .toList();
        body.put("flows", flows);
        body.put("params", Map.of());
        body.put("session", e.session());
        body.put("completed", e.completed().stream().sorted().toList());
        if (e.error() != null) {
            body.put("errcode", e.error().errcode());
            body.put("error", e.getMessage());
        }
        return Response.status(401).entity(body).type(MediaType.APPLICATION_JSON).build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return error(404, "M_UNRECOGNIZED", "Unrecognized request");
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return error(405, "M_UNRECOGNIZED", "Unrecognized request: method not allowed");
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
            return error(status, "M_UNKNOWN", "Internal server error");
        }
        String errcode = switch (status) {
            case 401 -> "M_MISSING_TOKEN";
            case 403 -> "M_FORBIDDEN";
            case 404, 405 -> "M_UNRECOGNIZED";
            case 413 -> "M_TOO_LARGE";
            case 415 -> "M_NOT_JSON";
            default -> "M_UNKNOWN";
        };
        return error(status, errcode, e.getResponse().getStatusInfo().getReasonPhrase());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (clientWentAway(e)) {
            LOG.debug("The client closed the connection before its request was read", e);
            return error(400, "M_UNKNOWN", "Connection closed");
        }
        LOG.error("Unexpected failure", e);
        return error(500, "M_UNKNOWN", "Internal server error");
    }

    /**
     * A client that hangs up while its body is still being read (a timed-out or cancelled request) leaves nobody to
     * answer: not a server failure, so not logged as one.
     */
    static boolean clientWentAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    public static Response error(int status, String errcode, String message) {
        return Response.status(status).entity(new MatrixError(errcode, message)).type(MediaType.APPLICATION_JSON)
                .build();
    }
}
