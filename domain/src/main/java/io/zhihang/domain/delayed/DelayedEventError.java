package io.zhihang.domain.delayed;

/** Why sending a delayed event at its due time failed: the standard error response the send would have had. */
public record DelayedEventError(String errcode, String message) {
    public DelayedEventError {
        if (errcode == null || errcode.isBlank()) {
            throw new IllegalArgumentException("errcode is required");
        }
        message = message == null ? "" : message;
    }
}
