package io.zhihang.domain.room;

import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.protocol.json.JsonNumber;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one power level value. From room version 10 only JSON integers count; before that a string holding an
 * integer does too ({@code rooms/fragments/v1-stringy-power-levels.md}): optional surrounding whitespace, an optional
 * sign, then base-10 digits with any number of leading zeroes. Floats (also allowed before v6) cannot reach us, since
 * {@link io.zhihang.domain.protocol.json.JsonValue} has no floats.
 */
final class PowerLevelNumbers {
    private static final Pattern STRINGY = Pattern.compile("\\s*([+-]?)0*([0-9]+)\\s*");

    private PowerLevelNumbers() {
    }

    static Optional<Long> read(JsonValue value, RoomVersion version) {
        if (value instanceof JsonNumber n) {
            return Optional.of(n.value());
        }
        if (value instanceof JsonString s && !version.enforceIntPowerLevels()) {
            return parseStringy(s.value());
        }
        return Optional.empty();
    }

    static Optional<Long> parseStringy(String text) {
        Matcher m = STRINGY.matcher(text);
        if (!m.matches() || m.group(2).length() > 18) {
            return Optional.empty();
        }
        long magnitude = Long.parseLong(m.group(2));
        return Optional.of("-".equals(m.group(1)) ? -magnitude : magnitude);
    }
}
