package io.zhihang.domain.protocol.json;

public enum JsonNull implements JsonValue {
    INSTANCE
}
