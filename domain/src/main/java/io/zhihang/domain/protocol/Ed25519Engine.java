package io.zhihang.domain.protocol;

/**
 * An Ed25519 implementation bound to one key. The JDK's is the default; the server plugs in a faster vetted one
 * (RFC 8032 signatures are deterministic, so the bytes are the same whichever engine signs).
 */
@FunctionalInterface
public interface Ed25519Engine {
    byte[] sign(byte[] message);
}
