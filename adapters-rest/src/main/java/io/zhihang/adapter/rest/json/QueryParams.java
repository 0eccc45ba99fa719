package io.zhihang.adapter.rest.json;

import io.zhihang.domain.filter.RoomEventFilter;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonException;
import io.zhihang.domain.shared.DomainException;

/**
 * Typed reads of query parameters: a missing required one is {@code M_MISSING_PARAM}, a malformed one
 * {@code M_INVALID_PARAM}.
 */
public final class QueryParams {
    private QueryParams() {
    }

    /** {@code limit}: a non-negative integer, or {@code defaultValue} when absent. */
    public static int limit(String raw, int defaultValue) {
        if (raw == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value < 0) {
                throw DomainException.invalidParam("limit must not be negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw DomainException.invalidParam("limit must be an integer");
        }
    }

    /** {@code dir}: true for {@code b}, false for {@code f}; {@code defaultBackwards} when absent (null: required). */
    public static boolean backwards(String raw, Boolean defaultBackwards) {
        if (raw == null) {
            if (defaultBackwards == null) {
                throw DomainException.missingParam("Missing query parameter 'dir'");
            }
            return defaultBackwards;
        }
        return switch (raw) {
            case "b" -> true;
            case "f" -> false;
            default -> throw DomainException.invalidParam("dir must be 'b' or 'f'");
        };
    }

    /**
     * A {@code RoomEventFilter} given inline as JSON. Stored filters (an id) come with sync; until then an id means
     * no filter.
     */
    public static RoomEventFilter roomEventFilter(String raw) {
        if (raw == null || !raw.stripLeading().startsWith("{")) {
            return RoomEventFilter.ALL;
        }
        try {
            return RoomEventFilter.parse(Json.parseObject(raw));
        } catch (JsonException e) {
            throw DomainException.badJson("filter is not valid JSON: " + e.getMessage());
        }
    }

    public static long requiredLong(String name, String raw) {
        if (raw == null) {
            throw DomainException.missingParam("Missing query parameter '" + name + "'");
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw DomainException.invalidParam(name + " must be an integer");
        }
    }

    /** An integer, or null when absent; anything else is {@code M_INVALID_PARAM} (as Synapse's parse_integer). */
    public static Long optionalLong(String name, String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw DomainException.invalidParam("Query parameter '" + name + "' must be an integer");
        }
    }

    /**
     * A non-negative {@code int}, {@code defaultValue} when absent (Synapse's parse_integer with a non-negative bound):
     * {@code 400 M_INVALID_PARAM} otherwise.
     */
    public static int nonNegativeInt(String name, String raw, int defaultValue) {
        Long value = optionalLong(name, raw);
        if (value == null) {
            return defaultValue;
        }
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw DomainException.invalidParam("Query parameter \"" + name + "\" must be a positive integer.");
        }
        return value.intValue();
    }

    /** {@code true} or {@code false}; null when absent. */
    public static Boolean optionalBoolean(String name, String raw) {
        if (raw == null) {
            return null;
        }
        return switch (raw) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw DomainException.invalidParam(name + " must be 'true' or 'false'");
        };
    }
}
