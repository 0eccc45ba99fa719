package io.zhihang.domain.lifecycle.crypto;

/**
 * The cost parameters of the Argon2id key derivation that turned a password into a message key. Each
 * {@link SealedContent} records the ones it was made with, so the defaults can change without breaking old rows.
 *
 * <p>The bounds are a sanity cap, not a recommendation: a row, however it was written, can never ask the server for more
 * than 1 GiB of memory or 32 passes. Raising a bound later stays compatible with every stored row; lowering one does not.
 */
public record KdfParams(int memoryKib, int iterations, int parallelism) {
    /** OWASP's Argon2id minimum: 19 MiB, 2 passes, 1 lane (the same as login password hashing). */
    public static final KdfParams OWASP = new KdfParams(19_456, 2, 1);
    public static final int MAX_MEMORY_KIB = 1 << 20;
    public static final int MAX_ITERATIONS = 32;
    public static final int MAX_PARALLELISM = 16;

    public KdfParams {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("KDF parallelism must be 1 to " + MAX_PARALLELISM + ": " + parallelism);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("KDF iterations must be 1 to " + MAX_ITERATIONS + ": " + iterations);
        }
        // Argon2 needs at least 8 KiB per lane (RFC 9106, section 3.1).
        if (memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException(
                    "KDF memory must be 8 KiB per lane to " + MAX_MEMORY_KIB + " KiB: " + memoryKib);
        }
    }
}
