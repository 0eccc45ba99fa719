package io.zhihang.domain.relation;

import java.util.Set;

/** The relation types ({@code content.m.relates_to.rel_type}) the server aggregates or treats specially. */
public final class RelationTypes {
    public static final String REPLACE = "m.replace";
    public static final String THREAD = "m.thread";
    public static final String REFERENCE = "m.reference";
    public static final String ANNOTATION = "m.annotation";

    /** The relation types bundled under {@code unsigned."m.relations"} (spec: "Aggregations of child events"). */
    public static final Set<String> BUNDLED = Set.of(REPLACE, THREAD, REFERENCE);

    private RelationTypes() {
    }
}
