package io.zhihang.server.config;

/**
 * The databases one build can run on. Being an enum, a wrong value fails configuration validation before any
 * datasource opens.
 */
public enum DatabaseKind {
    H2,
    POSTGRESQL
}
