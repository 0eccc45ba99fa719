package io.zhihang.application.service.room;

import io.zhihang.application.port.out.ProfileRepository;
import io.zhihang.domain.profile.Profile;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;

/** The member event content of a user joining: the membership plus their display name and avatar. */
@ApplicationScoped
public class MemberProfiles {
    private final ProfileRepository profiles;

    public MemberProfiles(ProfileRepository profiles) {
        this.profiles = profiles;
    }

    public JsonObject joinContent(UserId userId) {
        return withProfile(userId, JsonObject.builder().put("membership", "join"));
    }

    /**
     * An invite's content with the invitee's name and avatar, as Synapse sends it, so clients can show who was
     * invited. Only local users have a profile here, so a remote invitee's invite stays as it is.
     */
    public JsonObject inviteContent(UserId invitee, JsonObject.Builder content) {
        return withProfile(invitee, content);
    }

    /** The content with the user's display name and avatar added, where it does not set its own (per room). */
    public JsonObject withProfile(UserId userId, JsonObject.Builder content) {
        JsonObject requested = content.build();
        Profile profile = profiles.find(userId).orElse(Profile.EMPTY);
        if (profile.displayName() != null && !requested.has("displayname")) {
            content.put("displayname", profile.displayName());
        }
        if (profile.avatarUrl() != null && !requested.has("avatar_url")) {
            content.put("avatar_url", profile.avatarUrl());
        }
        return content.build();
    }
}
