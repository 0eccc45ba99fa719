package io.zhihang.domain.userdata;

import io.zhihang.domain.shared.DomainException;

import java.util.Arrays;

/** The receipt types a client may send ({@code POST /rooms/{roomId}/receipt/{receiptType}/{eventId}}). */
public enum ReceiptType {
    /** A public read receipt: every member of the room sees it. */
    READ("m.read"),
    /** A private read receipt: only its owner sees it; it counts for their unread counts all the same. */
    READ_PRIVATE("m.read.private"),
    /** Not a receipt but the read marker, kept as the room account data {@code m.fully_read}. */
    FULLY_READ("m.fully_read");

    private final String id;

    ReceiptType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean isPrivate() {
        return this == READ_PRIVATE;
    }

    /** The type named {@code id}; an unknown one is {@code 400 M_INVALID_PARAM}. */
    public static ReceiptType parse(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst()
                .orElseThrow(() -> DomainException.invalidParam(
                        "Receipt type must be m.read, m.read.private or m.fully_read"));
    }
}
