package io.zhihang.domain.filter;

import io.zhihang.domain.shared.DomainException;

/** How sync formats events: {@code client} (the default) or {@code federation} (the raw PDU). */
public enum EventFormat {
    CLIENT("client"),
    FEDERATION("federation");

    private final String value;

    EventFormat(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    static EventFormat parse(String value) {
        for (EventFormat format : values()) {
            if (format.value.equals(value)) {
                return format;
            }
        }
        throw DomainException.invalidParam("filter: 'event_format' must be 'client' or 'federation'");
    }
}
