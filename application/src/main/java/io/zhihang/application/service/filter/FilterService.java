package io.zhihang.application.service.filter;

import io.zhihang.application.port.in.filter.CreateFilterUseCase;
import io.zhihang.application.port.in.filter.FilterQueries;
import io.zhihang.application.port.out.FilterRepository;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.filter.Filter;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonException;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Sync filters: stored per user, checked against the spec's filter object when stored and when given inline. */
@ApplicationScoped
public class FilterService implements CreateFilterUseCase, FilterQueries {
    /** Stored filters never change (there is no API to alter one), so sync need not read them every time. */
    private static final int MAX_CACHED = 10_000;

    private final FilterRepository filters;
    private final java.util.concurrent.ConcurrentHashMap<String, Filter> stored =
            new java.util.concurrent.ConcurrentHashMap<>();

    public FilterService(FilterRepository filters) {
        this.filters = filters;
    }

    @Override
    @Transactional
    public String createFilter(Requester requester, UserId target, JsonObject filter) {
        if (!requester.userId().equals(target)) {
            throw DomainException.forbidden("Cannot create filters for other users");
        }
        Filter.parse(filter);
        return filters.save(target.toString(), filter);
    }

    @Override
    @Transactional
    public JsonObject filter(Requester requester, UserId target, String filterId) {
        if (!requester.userId().equals(target)) {
            throw DomainException.forbidden("Cannot get filters for other users");
        }
        return filters.find(target.toString(), filterId)
                .orElseThrow(() -> DomainException.notFound("No such filter"));
    }

    @Override
    @Transactional
    public Filter resolve(String userId, String filterParam) {
        if (filterParam == null) {
            return Filter.DEFAULT;
        }
        if (filterParam.startsWith("{")) {
            return Filter.parse(inline(filterParam));
        }
        String key = userId + "|" + filterParam;
        Filter cached = stored.get(key);
        if (cached != null) {
            return cached;
        }
        Filter filter = Filter.parse(filters.find(userId, filterParam)
                .orElseThrow(() -> DomainException.invalidParam("No such filter")));
        if (stored.size() > MAX_CACHED) {
            stored.clear();
        }
        stored.put(key, filter);
        return filter;
    }


    /**
     * An inline filter: text that is not JSON at all is {@code M_NOT_JSON}, as Synapse answers; JSON our strict
     * parser refuses (a fraction, a duplicate key, an integer out of range) is {@code M_BAD_JSON}.
     */
    private static JsonObject inline(String text) {
        try {
            if (Json.parseAllowingIntegralExponents(text) instanceof JsonObject object) {
                return object;
            }
            throw new DomainException(ErrorKind.NOT_JSON, "Invalid filter JSON");
        } catch (JsonException e) {
            String message = e.getMessage();
            boolean valueRefused = message.startsWith("floats") || message.startsWith("integer out of the range")
                    || message.contains("uplicate");
            throw new DomainException(valueRefused ? ErrorKind.BAD_JSON : ErrorKind.NOT_JSON,
                    "Invalid filter JSON: " + message);
        }
    }
}
