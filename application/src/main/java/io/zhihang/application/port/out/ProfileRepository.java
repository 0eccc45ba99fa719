package io.zhihang.application.port.out;

import io.zhihang.domain.profile.Profile;
import io.zhihang.domain.shared.UserId;

import java.util.Optional;

/** Display names and avatars of local users. */
public interface ProfileRepository {
    Optional<Profile> find(UserId userId);

    void save(UserId userId, Profile profile);
}
