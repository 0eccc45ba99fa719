package io.zhihang.domain.push;

import java.util.Optional;

/** The kinds of push rules, in the order they are evaluated. */
public enum RuleKind {
    OVERRIDE("override"),
    CONTENT("content"),
    ROOM("room"),
    SENDER("sender"),
    UNDERRIDE("underride");

    private final String wireName;

    RuleKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<RuleKind> parse(String wireName) {
        for (RuleKind kind : values()) {
            if (kind.wireName.equals(wireName)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** Override and underride rules have conditions; the others have implied ones. */
    public boolean hasConditions() {
        return this == OVERRIDE || this == UNDERRIDE;
    }
}
