package io.zhihang.adapter.rest.error;

/** The body of every error response: {@code {"errcode":"M_…","error":"…"}}. */
public record MatrixError(String errcode, String error) {
}
