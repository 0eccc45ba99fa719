package io.zhihang.application.port.in.profile;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.UserId;

public interface UpdateProfileUseCase {
    void setDisplayName(Requester requester, UserId target, String displayName);

    void setAvatarUrl(Requester requester, UserId target, String avatarUrl);
}
