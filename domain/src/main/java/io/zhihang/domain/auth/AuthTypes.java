package io.zhihang.domain.auth;

/** The authentication types of the spec's User-Interactive Authentication and login APIs. */
public final class AuthTypes {
    public static final String PASSWORD = "m.login.password";
    public static final String DUMMY = "m.login.dummy";
    public static final String REGISTRATION_TOKEN = "m.login.registration_token";
    public static final String ID_USER = "m.id.user";

    private AuthTypes() {
    }
}
