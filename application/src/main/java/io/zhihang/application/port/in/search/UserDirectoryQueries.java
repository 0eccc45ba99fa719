package io.zhihang.application.port.in.search;

import io.zhihang.domain.auth.Requester;

import java.util.List;

/** {@code POST /user_directory/search}. */
public interface UserDirectoryQueries {
    int DEFAULT_LIMIT = 10;
    /** Synapse's cap. */
    int MAX_LIMIT = 50;

    /** Users the requester may find whose names match; {@code limit} is clamped to 0..{@link #MAX_LIMIT}. */
    DirectoryPage search(Requester requester, String searchTerm, int limit);

    record DirectoryPage(List<DirectoryUser> results, boolean limited) {
    }

    record DirectoryUser(String userId, String displayName, String avatarUrl) {
    }
}
