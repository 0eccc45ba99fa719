package io.zhihang.domain.media;

import io.zhihang.domain.shared.DomainException;

import java.util.Objects;

/**
 * What a client asked for on the thumbnail endpoint. The width and height are a wish, not a promise: the server answers
 * with the closest size it makes ({@link ThumbnailSizes#select}), which may be larger, and never upscales the source.
 *
 * @param animated whether the client would take an animated thumbnail; Zhihang always answers with a still image,
 *                 which the spec allows
 */
public record ThumbnailRequest(int width, int height, ThumbnailMethod method, boolean animated) {
    /** Larger requests are nonsense for a thumbnail and are refused rather than clamped. */
    public static final int MAX_DIMENSION = 10_000;

    public ThumbnailRequest {
        Objects.requireNonNull(method, "method");
        if (width < 1 || width > MAX_DIMENSION || height < 1 || height > MAX_DIMENSION) {
            throw DomainException.invalidParam(
                    "width and height must be between 1 and " + MAX_DIMENSION + ", not " + width + "x" + height);
        }
    }

    /**
     * Reads the query parameters, each {@code null} when absent. {@code width} and {@code height} are required;
     * {@code method} defaults to {@code scale} and {@code animated} to {@code false}.
     *
     * @throws DomainException {@code MISSING_PARAM} for a missing width or height, {@code INVALID_PARAM} for anything
     *                         malformed or out of range
     */
    public static ThumbnailRequest parse(String width, String height, String method, String animated) {
        return new ThumbnailRequest(
                dimension("width", width),
                dimension("height", height),
                method == null ? ThumbnailMethod.SCALE : ThumbnailMethod.parse(method),
                flag(animated));
    }

    private static int dimension(String name, String value) {
        if (value == null) {
            throw DomainException.missingParam("Missing required query parameter " + name);
        }
        // Plain decimal digits only: no sign, no spaces, no exponent. Nine digits cannot overflow an int.
        if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw DomainException.invalidParam(name + " must be a positive integer");
        }
        int parsed = Integer.parseInt(value);
        if (parsed < 1 || parsed > MAX_DIMENSION) {
            throw DomainException.invalidParam(name + " must be between 1 and " + MAX_DIMENSION);
        }
        return parsed;
    }

    private static boolean flag(String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw DomainException.invalidParam("animated must be \"true\" or \"false\"");
    }
}
