package io.zhihang.application.service.account;

import io.zhihang.domain.shared.UserId;

/**
 * An account was deactivated. Fired synchronously inside the deactivating transaction, after its devices are gone,
 * so observers delete what belongs to the user rather than to a device (key backups, cross-signing keys).
 */
public record AccountDeactivated(UserId user) {
}
