package io.zhihang.application.port.in.auth;

import io.zhihang.domain.auth.UiaFlow;
import io.zhihang.domain.shared.ErrorKind;

import java.util.List;
import java.util.Set;

/**
 * More User-Interactive Authentication is needed: the client gets HTTP 401 with the flows, the session and the
 * stages completed so far, plus an error when the last attempt failed.
 */
public final class UiaRequiredException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<UiaFlow> flows;
    private final String session;
    private final transient Set<String> completed;
    private final ErrorKind error;

    public UiaRequiredException(List<UiaFlow> flows, String session, Set<String> completed, ErrorKind error,
                                String message) {
        super(message, null, false, false);
        this.flows = List.copyOf(flows);
        this.session = session;
        this.completed = Set.copyOf(completed);
        this.error = error;
    }

    public List<UiaFlow> flows() {
        return flows;
    }

    public String session() {
        return session;
    }

    public Set<String> completed() {
        return completed;
    }

    /** The reason the last attempt failed, or null when the client simply has to (continue to) authenticate. */
    public ErrorKind error() {
        return error;
    }
}
