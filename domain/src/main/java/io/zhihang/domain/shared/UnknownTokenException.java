package io.zhihang.domain.shared;

/**
 * The access or refresh token is not (or no longer) valid. {@code softLogout} tells the client that the
 * session merely expired and can be resumed by logging in again on the same device.
 */
public final class UnknownTokenException extends DomainException {
    private static final long serialVersionUID = 1L;

    private final boolean softLogout;

    public UnknownTokenException(String message, boolean softLogout) {
        super(ErrorKind.UNKNOWN_TOKEN, message);
        this.softLogout = softLogout;
    }

    public boolean softLogout() {
        return softLogout;
    }
}
