package io.zhihang.domain.voice;

import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonNumber;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DomainException;

import java.util.List;

/**
 * The loudness outline Element draws for a voice message (MSC1767/MSC3245): integers from 0 to 1024, at most
 * {@value #MAX_POINTS} of them.
 */
public record Waveform(List<Integer> points) {
    public static final int MAX_POINTS = 1000;
    public static final int MAX_VALUE = 1024;
    public static final Waveform NONE = new Waveform(List.of());

    public Waveform {
        points = List.copyOf(points);
        if (points.size() > MAX_POINTS) {
            throw DomainException.invalidParam("waveform has more than " + MAX_POINTS + " points");
        }
        for (int point : points) {
            if (point < 0 || point > MAX_VALUE) {
                throw DomainException.invalidParam("waveform points must be between 0 and " + MAX_VALUE);
            }
        }
    }

    /** From a comma-separated list ({@code 0,12,1024}), as a form field or query parameter carries it. */
    public static Waveform parse(String csv) {
        if (csv == null || csv.isBlank()) {
            return NONE;
        }
        String body = csv.strip();
        if (body.startsWith("[") && body.endsWith("]")) {
            body = body.substring(1, body.length() - 1);
        }
        if (body.isBlank()) {
            return NONE;
        }
        try {
            return new Waveform(java.util.Arrays.stream(body.split(",")).map(String::strip).map(Integer::valueOf)
                    .toList());
        } catch (NumberFormatException e) {
            throw DomainException.invalidParam("waveform must be a list of integers");
        }
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }

    JsonValue toJson() {
        return new JsonArray(points.stream().<JsonValue>map(p -> JsonNumber.of(p)).toList());
    }
}
