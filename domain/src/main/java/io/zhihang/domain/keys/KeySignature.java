package io.zhihang.domain.keys;

import io.zhihang.domain.shared.UserId;

/**
 * A signature uploaded through {@code /keys/signatures/upload}, stored apart from the key it signs and merged into
 * it when the key is read. {@code targetKey} is a device id (a device's keys) or the public key of a cross-signing
 * key (the part of its key id after {@code ed25519:}).
 */
public record KeySignature(UserId signer, String signerKeyId, UserId targetUser, String targetKey, String signature) {
}
