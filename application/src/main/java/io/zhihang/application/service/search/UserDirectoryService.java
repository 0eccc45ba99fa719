package io.zhihang.application.service.search;

import io.zhihang.application.port.in.search.UserDirectoryQueries;
import io.zhihang.application.port.out.search.UserDirectory;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.search.NameSearch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * {@code POST /user_directory/search}: the users who share a room with the searcher or are in a public room, matched
 * on their localpart and display name (Synapse's default, {@code search_all_users: false}). One query.
 */
@ApplicationScoped
public class UserDirectoryService implements UserDirectoryQueries {
    private final UserDirectory directory;

    public UserDirectoryService(UserDirectory directory) {
        this.directory = directory;
    }

    @Override
    @Transactional
    public DirectoryPage search(Requester requester, String searchTerm, int limit) {
        int size = Math.clamp(limit, 0, MAX_LIMIT);
        NameSearch search = NameSearch.parse(searchTerm);
        if (search.isEmpty() || size == 0) {
            return new DirectoryPage(List.of(), false);
        }
        List<UserDirectory.Entry> found = directory.search(requester.userId().toString(), search, size + 1);
        return new DirectoryPage(found.stream().limit(size)
                .map(e -> new DirectoryUser(e.userId(), e.displayName(), e.avatarUrl())).toList(),
                found.size() > size);
    }
}
