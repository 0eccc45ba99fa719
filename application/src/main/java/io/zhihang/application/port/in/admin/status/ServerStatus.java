package io.zhihang.application.port.in.admin.status;

/** The counts of the admin status page: active local accounts (people, not the system user) and rooms. */
public record ServerStatus(long users, long rooms) {
}
