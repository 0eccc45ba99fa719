package io.zhihang.application.service.profile;

import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.port.in.profile.ProfileQueries;
import io.zhihang.application.port.in.profile.UpdateProfileUseCase;
import io.zhihang.application.port.out.AccountRepository;
import io.zhihang.application.port.out.ProfileRepository;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.profile.Profile;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.util.function.UnaryOperator;

@ApplicationScoped
public class ProfileService implements ProfileQueries, UpdateProfileUseCase {
    private final AccountRepository accounts;
    private final ProfileRepository profiles;
    private final HomeserverSettings settings;
    private final Event<ProfileChanged> changes;

    public ProfileService(AccountRepository accounts, ProfileRepository profiles, HomeserverSettings settings,
                          Event<ProfileChanged> changes) {
        this.accounts = accounts;
        this.profiles = profiles;
        this.settings = settings;
        this.changes = changes;
    }

    @Override
    @Transactional
    public Profile profile(UserId userId) {
        ensureKnown(userId);
        return profiles.find(userId).orElse(Profile.EMPTY);
    }

    @Override
    @Transactional
    public void setDisplayName(Requester requester, UserId target, String displayName) {
        update(requester, target, p -> p.withDisplayName(displayName));
    }

    @Override
    @Transactional
    public void setAvatarUrl(Requester requester, UserId target, String avatarUrl) {
        update(requester, target, p -> p.withAvatarUrl(avatarUrl));
    }

    private void update(Requester requester, UserId target, UnaryOperator<Profile> change) {
        requester.ensureMayActFor(target);
        ensureKnown(target);
        Profile before = profiles.find(target).orElse(Profile.EMPTY);
        Profile after = change.apply(before);
        profiles.save(target, after);
        if (!after.equals(before)) {
            changes.fire(new ProfileChanged(target));
        }
    }

    private void ensureKnown(UserId userId) {
        boolean known = userId.isLocalTo(settings.serverName())
                && accounts.find(userId).filter(a -> !a.deactivated()).isPresent();
        if (!known) {
            throw DomainException.notFound("Profile was not found");
        }
    }
}
