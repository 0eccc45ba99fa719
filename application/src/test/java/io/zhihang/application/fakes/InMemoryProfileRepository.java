package io.zhihang.application.fakes;

import io.zhihang.application.port.out.ProfileRepository;
import io.zhihang.domain.profile.Profile;
import io.zhihang.domain.shared.UserId;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Profiles in a map, for tests. */
public class InMemoryProfileRepository implements ProfileRepository {
    private final Map<UserId, Profile> profiles = new ConcurrentHashMap<>();

    @Override
    public Optional<Profile> find(UserId userId) {
        return Optional.ofNullable(profiles.get(userId));
    }

    @Override
    public void save(UserId userId, Profile profile) {
        profiles.put(userId, profile);
    }
}
