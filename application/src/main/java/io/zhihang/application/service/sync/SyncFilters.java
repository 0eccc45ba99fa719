package io.zhihang.application.service.sync;

import io.zhihang.application.port.in.filter.FilterQueries;
import io.zhihang.domain.auth.Requester;
import jakarta.enterprise.context.ApplicationScoped;

/** The filter a sync applies: none, a stored one by id, or one given inline as JSON. */
@ApplicationScoped
public class SyncFilters {
    private final FilterQueries filters;

    public SyncFilters(FilterQueries filters) {
        this.filters = filters;
    }

    public SyncFilter resolve(Requester requester, String param) {
        return new SyncFilter(filters.resolve(requester.userId().toString(), param));
    }
}
