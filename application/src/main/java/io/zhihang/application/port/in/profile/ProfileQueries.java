package io.zhihang.application.port.in.profile;

import io.zhihang.domain.profile.Profile;
import io.zhihang.domain.shared.UserId;

public interface ProfileQueries {
    /** The user's profile; {@code M_NOT_FOUND} if there is no such local user. */
    Profile profile(UserId userId);
}
