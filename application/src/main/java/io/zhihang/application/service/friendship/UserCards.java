package io.zhihang.application.service.friendship;

import io.zhihang.application.port.in.friendship.UserCard;
import io.zhihang.application.port.out.ProfileRepository;
import io.zhihang.domain.profile.Profile;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;

/** A user's id with their profile, as the friend API shows users. */
@ApplicationScoped
public class UserCards {
    private final ProfileRepository profiles;

    public UserCards(ProfileRepository profiles) {
        this.profiles = profiles;
    }

    public UserCard of(UserId user) {
        Profile profile = profiles.find(user).orElse(Profile.EMPTY);
        return new UserCard(user.toString(), profile.displayName(), profile.avatarUrl());
    }
}
