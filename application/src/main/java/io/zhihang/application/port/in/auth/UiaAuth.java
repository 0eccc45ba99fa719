package io.zhihang.application.port.in.auth;

/**
 * The {@code auth} object of a User-Interactive Authentication request. {@code user} is the identifier's user (or
 * the legacy top-level {@code user}); {@code token} is a registration token. Absent fields are null.
 */
public record UiaAuth(String type, String session, String user, String password, String token) {
}
