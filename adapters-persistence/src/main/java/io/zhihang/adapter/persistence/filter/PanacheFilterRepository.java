package io.zhihang.adapter.persistence.filter;

import io.zhihang.application.port.out.FilterRepository;
import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Filters in {@code user_filters}; ids are the row's identity (one sequence for all users), as decimal text. */
@ApplicationScoped
public class PanacheFilterRepository implements FilterRepository {
    private final FilterPanacheRepo repo;

    PanacheFilterRepository(FilterPanacheRepo repo) {
        this.repo = repo;
    }

    @Override
    public Optional<JsonObject> find(String userId, String filterId) {
        Long id = parseId(filterId);
        if (id == null) {
            return Optional.empty();
        }
        return repo.findByIdOptional(id).filter(e -> e.userId.equals(userId))
                .map(e -> Json.parseObject(e.filterJson));
    }

    @Override
    public String save(String userId, JsonObject filter) {
        String json = CanonicalJson.encode(filter);
        // Compared here rather than in SQL: H2 keeps TEXT as a CLOB, which it cannot compare. Users have few filters.
        Optional<FilterEntity> same = repo.list("userId = ?1 order by filterId", userId).stream()
                .filter(e -> e.filterJson.equals(json)).findFirst();
        if (same.isPresent()) {
            return same.get().filterId.toString();
        }
        FilterEntity e = new FilterEntity();
        e.userId = userId;
        e.filterJson = json;
        repo.persistAndFlush(e);
        return e.filterId.toString();
    }

    private static Long parseId(String filterId) {
        if (filterId == null || filterId.isEmpty() || filterId.length() > 18
                || !filterId.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Long.parseLong(filterId);
    }
}
