package io.zhihang.application.port.in.friendship;

/**
 * Where a request stands after a call: {@code status} is {@code pending}, {@code accepted} (then {@code roomId} is
 * the two users' direct chat) or {@code declined}.
 */
public record RequestAnswer(String requestId, String status, String roomId) {
}
