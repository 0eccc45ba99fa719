package io.zhihang.domain.protocol.json;

/** Text that is not (canonical-compatible) JSON, or a value JSON of the protocol cannot hold. */
public final class JsonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JsonException(String message) {
        super(message);
    }
}
