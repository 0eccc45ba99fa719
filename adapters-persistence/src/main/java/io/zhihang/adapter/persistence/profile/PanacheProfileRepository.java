package io.zhihang.adapter.persistence.profile;

import io.zhihang.application.port.out.ProfileRepository;
import io.zhihang.domain.profile.Profile;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class PanacheProfileRepository implements ProfileRepository {
    private final ProfilePanacheRepo repo;

    PanacheProfileRepository(ProfilePanacheRepo repo) {
        this.repo = repo;
    }

    @Override
    public Optional<Profile> find(UserId userId) {
        return repo.findByIdOptional(userId.toString()).map(e -> new Profile(e.displayname, e.avatarUrl));
    }

    @Override
    public void save(UserId userId, Profile profile) {
        ProfileEntity e = repo.findById(userId.toString());
        boolean fresh = e == null;
        if (fresh) {
            e = new ProfileEntity();
            e.userId = userId.toString();
        }
        e.displayname = profile.displayName();
        e.avatarUrl = profile.avatarUrl();
        if (fresh) {
            repo.persist(e);
        }
    }
}
