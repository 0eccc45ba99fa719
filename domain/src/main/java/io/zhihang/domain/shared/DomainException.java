package io.zhihang.domain.shared;

/**
 * A refusal by a domain rule. The message is safe to show to the client and never contains secrets.
 */
public class DomainException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;

    public DomainException(ErrorKind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public ErrorKind kind() {
        return kind;
    }

    public static DomainException forbidden(String message) {
        return new DomainException(ErrorKind.FORBIDDEN, message);
    }

    public static DomainException notFound(String message) {
        return new DomainException(ErrorKind.NOT_FOUND, message);
    }

    public static DomainException badJson(String message) {
        return new DomainException(ErrorKind.BAD_JSON, message);
    }

    public static DomainException missingParam(String message) {
        return new DomainException(ErrorKind.MISSING_PARAM, message);
    }

    public static DomainException invalidParam(String message) {
        return new DomainException(ErrorKind.INVALID_PARAM, message);
    }
}
