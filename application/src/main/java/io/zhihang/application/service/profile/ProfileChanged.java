package io.zhihang.application.service.profile;

import io.zhihang.domain.shared.UserId;

/** A user's display name or avatar changed (fired inside the transaction that stored it). */
public record ProfileChanged(UserId userId) {
}
