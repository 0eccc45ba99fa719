package io.zhihang.domain.keys;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;

/** Why one key of a batch was refused; the batch goes on ({@code failures} of {@code /keys/signatures/upload}). */
public record KeyFailure(ErrorKind kind, String message) {
    public static KeyFailure of(DomainException e) {
        return new KeyFailure(e.kind(), e.getMessage());
    }
}
