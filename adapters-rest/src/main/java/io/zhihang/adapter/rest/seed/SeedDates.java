package io.zhihang.adapter.rest.seed;

import io.zhihang.domain.shared.DomainException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The seed's dates: an ISO-8601 instant ({@code 2024-12-19T10:30:00Z}, an offset is fine) or a day
 * ({@code 2024-12-19}, UTC). A day as an upper bound includes the whole day.
 */
final class SeedDates {
    private SeedDates() {
    }

    static Instant from(String raw, String name) {
        return parse(raw, name, false);
    }

    static Instant until(String raw, String name) {
        return parse(raw, name, true);
    }

    private static Instant parse(String raw, String name, boolean endOfDay) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw DomainException.invalidParam(name + " must be an ISO-8601 date or date-time");
        }
    }
}
